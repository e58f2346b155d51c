#!/usr/bin/env bash
# One deployment's steps, in order, on the new code: database migrations, static files
# (hashed and compressed for whitenoise), then the roles and permissions. Run it on one
# server per release, before (re)starting gunicorn and the worker everywhere.
# Production settings read their variables from the environment (see README, Deployment).
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-settings.production}
PYTHON=${PYTHON:-.venv/bin/python}

echo "== check --deploy"
$PYTHON manage.py check --deploy --fail-level WARNING
echo "== migrate"
$PYTHON manage.py migrate --no-input
echo "== collectstatic"
$PYTHON manage.py collectstatic --no-input --verbosity 0
echo "== setup_roles"
$PYTHON manage.py setup_roles
echo "Deployed. Restart gunicorn and the task worker to load the new code."
