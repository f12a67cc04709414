/**
 * The compose panel's look: small, quiet, readable on Gmail's and Outlook's white compose windows.
 * Written without spaces: it ships as is in the content script (gzip budget, e2e/bundle-budgets).
 */
export const PANEL_CSS = `:host{all:initial;display:block;margin:4px 8px;font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2937}
.panel{border:1px solid #d0d7e2;border-left:3px solid #b45309;border-radius:6px;background:#fffdf7;padding:6px 10px}
.head{display:flex;align-items:center;gap:8px;flex-wrap:wrap}
.brand{font-weight:600;color:#92400e}
.client{font-weight:600}
.summary{color:#374151}
.toggle{margin-left:auto}
button,select,input{font:inherit}
button{border:1px solid #c7ced9;background:#fff;border-radius:4px;padding:2px 8px;cursor:pointer;color:inherit}
button.primary{background:#92400e;border-color:#92400e;color:#fff;font-weight:600}
button:disabled{opacity:.6;cursor:default}
button:focus-visible,select:focus-visible,input:focus-visible{outline:2px solid #2563eb;outline-offset:1px}
ul{margin:4px 0;padding-left:18px}
li{margin:1px 0}
.stage{color:#6b7280}
.last{margin:4px 0;color:#4b5563}
.warning{margin:4px 0;padding:4px 6px;border-radius:4px;background:#fef3c7;color:#78350f}
.actions{display:flex;align-items:center;gap:10px;flex-wrap:wrap;margin-top:4px}
.actions label{display:inline-flex;align-items:center;gap:4px}
.status{margin:4px 0 0;color:#065f46}
.error{margin:4px 0 0;color:#991b1b}
.assign{display:flex;align-items:center;gap:6px;flex-wrap:wrap}
.assign .email{font-weight:600}
.muted{color:#6b7280}
.formal{font-weight:600;color:#991b1b}
button.primary.formal{background:#991b1b;border-color:#991b1b;color:#fff}
.note{margin:4px 0;color:#374151;font-style:italic}
.quiet{display:flex;align-items:center;gap:6px;color:#6b7280;font-size:12px}
.quiet button{border:0;background:none;padding:0 2px;color:#4b5563;text-decoration:underline}
.quiet button.dismiss{text-decoration:none}`;
