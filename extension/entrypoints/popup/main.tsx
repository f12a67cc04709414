import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendToBackground } from '@/lib/ui/backend';
import { Popup } from './Popup';
import './style.css';

render(
  <Popup send={sendToBackground} openOptions={() => void browser.runtime.openOptionsPage()} />,
  document.getElementById('app')!,
);
