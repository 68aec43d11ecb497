"""Channel connectors: Rasa's REST and socket.io with input hygiene and rate limits."""
