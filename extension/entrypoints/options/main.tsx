import '@/lib/zodConfig';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messages';
import { browserDashboardOpener } from '@/lib/ui/dashboard';
import { Options } from './Options';
import './style.css';

// The popup's "add this site" opens options.html?site=<host>#sites.
const opened = new URL(window.location.href);

render(
  <Options
    send={sendMessage}
    // Asked from the click itself: browsers grant host permissions only on a user gesture.
    requestOrigins={(origins) => browser.permissions.request({ origins })}
    confirm={(text) => window.confirm(text)}
    dashboard={browserDashboardOpener(browser)}
    copyText={(text) => navigator.clipboard.writeText(text)}
    initialSite={opened.searchParams.get('site') ?? undefined}
    focusSection={opened.hash.slice(1) || undefined}
  />,
  document.getElementById('app')!,
);
