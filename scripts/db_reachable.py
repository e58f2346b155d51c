"""Exit 0 when the PostgreSQL server at the given URL answers, 1 otherwise."""

import sys

import psycopg

url = sys.argv[1]
try:
    psycopg.connect(url.replace("postgres://", "postgresql://", 1), connect_timeout=3).close()
except psycopg.Error:
    sys.exit(1)
