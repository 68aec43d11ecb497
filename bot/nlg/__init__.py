"""The assistant's own phrases (catalogs) and the NLG endpoint that renders them."""
