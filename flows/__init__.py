"""Prefect flows of casefacts: thin wrappers over ``casefacts`` functions (see ``prefect.yaml``)."""
