import '@/lib/zodConfig';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messages';
import { browserDashboardOpener } from '@/lib/ui/dashboard';
import { parseJoinLink } from './AccountSection';
import { Options } from './Options';
import './style.css';

// The popup's "add this site" opens options.html?site=<host>#sites; an invite, #join=<server>|<code>.
const opened = new URL(window.location.href);
const joinLink = parseJoinLink(opened.hash);

/** Firefox asks the person before data goes to the team's server (manifest data_collection_permissions). */
const DATA_SENT_TO_TEAM = ['personallyIdentifyingInfo', 'financialAndPaymentInfo', 'websiteContent'];
const requestDataConsent = import.meta.env.FIREFOX
  ? () =>
      (browser.permissions.request as (p: object) => Promise<boolean>)({ data_collection: DATA_SENT_TO_TEAM })
  : undefined;

render(
  <Options
    send={sendMessage}
    // Asked from the click itself: browsers grant host permissions only on a user gesture.
    requestOrigins={(origins) => browser.permissions.request({ origins })}
    confirm={(text) => window.confirm(text)}
    dashboard={browserDashboardOpener(browser)}
    copyText={(text) => navigator.clipboard.writeText(text)}
    initialSite={opened.searchParams.get('site') ?? undefined}
    focusSection={joinLink ? 'account' : opened.hash.slice(1) || undefined}
    {...(joinLink ? { joinLink } : {})}
    {...(requestDataConsent ? { requestDataConsent } : {})}
    optionsPage={browser.runtime.getURL('/options.html')}
  />,
  document.getElementById('app')!,
);
