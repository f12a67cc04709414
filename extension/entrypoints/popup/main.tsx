import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendToBackground } from '@/lib/ui/backend';
import { browserTabs } from '@/lib/ui/tabs';
import { Popup } from './Popup';
import './style.css';

render(
  <Popup
    send={sendToBackground}
    openOptions={() => void browser.runtime.openOptionsPage()}
    tabs={browserTabs(browser)}
    close={() => window.close()}
  />,
  document.getElementById('app')!,
);
