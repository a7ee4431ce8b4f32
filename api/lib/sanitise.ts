// The one rich-text sanitiser lives in shared/ because the widgets run the very same one in the browser: what
// the API stores and serves and what a widget renders are reduced to the same vocabulary by the same code.
export { sanitiseHtml } from '../../shared/sanitise-html.ts';
