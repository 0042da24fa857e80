#!/bin/sh
# Fills in the deployment's public URL (only ${QIS_PUBLIC_URL}: nginx's own $variables stay) and runs nginx.
set -eu
: "${QIS_PUBLIC_URL:?set QIS_PUBLIC_URL (the console origin, e.g. https://qis.example.gov.cn)}"
mkdir -p /tmp/nginx/tmp/body /tmp/nginx/tmp/proxy /tmp/nginx/tmp/fastcgi /tmp/nginx/tmp/uwsgi /tmp/nginx/tmp/scgi
chown -R nginx /tmp/nginx/tmp
# QIS_CONSOLE_ROUTES=ingress (the Helm chart): files only, the Kubernetes Ingress routes the rest.
template=/etc/nginx/qis/nginx.conf.template
if [ "${QIS_CONSOLE_ROUTES:-}" = ingress ] && [ -f /etc/nginx/qis/nginx-ingress.conf.template ]; then
  template=/etc/nginx/qis/nginx-ingress.conf.template
fi
envsubst '${QIS_PUBLIC_URL}' <"$template" >/tmp/nginx/nginx.conf
exec nginx -c /tmp/nginx/nginx.conf -g 'daemon off;'
