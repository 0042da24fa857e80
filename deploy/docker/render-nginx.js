// Renders the nginx configuration of the Compose stack's two published origins:
//   node deploy/docker/render-nginx.js console   deploy/nginx/console.conf.template, as tools/console-stack
//                                                  renders it locally, with the Compose upstreams
//   node deploy/docker/render-nginx.js console-ingress   the same, files only (Kubernetes: the Ingress routes)
//   node deploy/docker/render-nginx.js public    deploy/docker/public.conf.template
// ${QIS_PUBLIC_URL} is left in place: the container fills it in when it starts (nginx-entrypoint.sh).
'use strict';
const { readFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const SERVICES = ['planning', 'purchasing', 'evidence', 'lab-gateway', 'enforcement', 'disclosure'];
const fill = (template, values) =>
  template.replace(/\$\{([A-Z_]+)\}/g, (whole, name) => values[name] ?? whole);
const read = (file) => readFileSync(path.join(root, file), 'utf8');

const common = {
  // Workers as the image's unprivileged user; the entrypoint gives it the temp folders.
  USER_DIRECTIVE: 'user nginx;',
  PREFIX: '/tmp/nginx',
  MIME_TYPES: '/etc/nginx/mime.types',
  LISTEN: '8080',
};

// Keycloak under the console's origin (KC_HTTP_RELATIVE_PATH=/auth), so only one origin is published.
const keycloak = [
  '    location /auth/ {',
  '      proxy_pass http://keycloak:8080;',
  '      proxy_http_version 1.1;',
  '      proxy_set_header Host $host;',
  '      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
  '      proxy_set_header X-Forwarded-Proto $scheme;',
  '      proxy_set_header X-Forwarded-Host $host;',
  '      proxy_buffer_size 128k;',
  '      proxy_buffers 4 256k;',
  '    }',
].join('\n');

// Presigned PUTs of the evidence service: the signature covers the store's host, so it is sent as signed.
const objectStore = [
  '    location /object-store/ {',
  '      client_max_body_size 0;',
  '      proxy_request_buffering off;',
  '      proxy_http_version 1.1;',
  '      proxy_set_header Host minio:9000;',
  '      proxy_pass http://minio:9000/;',
  '    }',
].join('\n');

// `ingress`: the console's files and /config.json only; a Kubernetes Ingress routes /api/<service>/,
// /auth/ and /object-store/ (deploy/helm/console), so nginx names no upstream that might not resolve.
function renderConsole(routes = 'compose') {
  const location = read('deploy/nginx/service-location.conf.template');
  const services = SERVICES.map((service) =>
    fill(location, { SERVICE: service, UPSTREAM: `http://${service}:8080` }),
  );
  return fill(read('deploy/nginx/console.conf.template'), {
    ...common,
    ROOT: '/usr/share/qis-console',
    KEYCLOAK_ORIGIN: '${QIS_PUBLIC_URL}',
    CONFIG_JSON: JSON.stringify({
      keycloakUrl: '${QIS_PUBLIC_URL}/auth',
      realm: 'qis',
      clientId: 'qis-console',
    }),
    SERVICE_LOCATIONS: routes === 'ingress' ? '' : [...services, objectStore, keycloak].join('\n'),
  });
}

const renderPublic = () => fill(read('deploy/docker/public.conf.template'), common);

const which = process.argv[2];
if (which === 'console') process.stdout.write(renderConsole());
else if (which === 'console-ingress') process.stdout.write(renderConsole('ingress'));
else if (which === 'public') process.stdout.write(renderPublic());
else {
  process.stderr.write('usage: render-nginx.js console|console-ingress|public\n');
  process.exit(2);
}
