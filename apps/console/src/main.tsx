import { createRoot } from 'react-dom/client';
import { App } from './app';
import { signIn } from './auth/keycloak';

const root = createRoot(document.getElementById('root')!);

signIn()
  .then((session) => root.render(<App session={session} />))
  .catch((error: Error) => {
    // Before sign-in nothing of antd is loaded: a plain message.
    document.getElementById('root')!.textContent = `无法登录 / Cannot sign in: ${error.message}`;
  });
