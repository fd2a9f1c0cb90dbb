"""The sheet engine: reading and writing register workbooks, and the registry each feature fills with its sheet."""
