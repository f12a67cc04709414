import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messages';
import { browserTabs } from '@/lib/ui/tabs';
import { Popup } from './Popup';
import './style.css';

render(
  <Popup
    send={sendMessage}
    openOptions={() => void browser.runtime.openOptionsPage()}
    tabs={browserTabs(browser)}
    close={() => window.close()}
  />,
  document.getElementById('app')!,
);
