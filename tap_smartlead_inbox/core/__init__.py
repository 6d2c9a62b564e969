"""What every layer may use: the error types, time parsing and formatting, value
coercion, and the redaction of secrets from anything printed. Imports nothing of the tap.
"""
