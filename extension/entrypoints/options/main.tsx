import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendToBackground } from '@/lib/ui/backend';
import { Options } from './Options';
import './style.css';

render(
  <Options
    send={sendToBackground}
    // Asked from the click itself: browsers grant host permissions only on a user gesture.
    requestOrigins={(origins) => browser.permissions.request({ origins })}
    confirm={(text) => window.confirm(text)}
  />,
  document.getElementById('app')!,
);
