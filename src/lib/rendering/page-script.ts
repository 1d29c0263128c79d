/**
 * The only script every page carries, inline and under 1 KB: `/` or
 * Ctrl/Cmd+K focuses the search box, the first keystroke in it loads the
 * search module, and "copy link" buttons copy a moment's permalink. Kept as
 * one small literal so pages that are only read pay almost nothing.
 */
import { contentSecurityPolicy } from './csp.ts';

export function pageScript(searchModuleUrl: string): string {
  return `(()=>{const d=document,i=d.getElementById("site-search");let l;const s=()=>l??=import(${JSON.stringify(searchModuleUrl)}).then(m=>m.mount(i));i.addEventListener("input",s,{once:!0});d.addEventListener("keydown",e=>{const t=e.target,k=e.key;if(k==="k"&&(e.metaKey||e.ctrlKey)||k==="/"&&!/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)&&!t.isContentEditable){e.preventDefault();i.focus();i.select()}});d.addEventListener("click",e=>{const b=e.target.closest("[data-copy]");if(!b)return;navigator.clipboard.writeText(b.dataset.copy).then(()=>{const o=b.firstChild.nodeValue;b.firstChild.nodeValue="Copied";setTimeout(()=>b.firstChild.nodeValue=o,2e3)})});for(const b of d.querySelectorAll("[data-copy]"))b.hidden=!1})()`;
}

let cached: { url: string; script: string; policy: string } | undefined;

/** The script and the policy that allows it, computed once per build rather than once per page. */
export function pageScriptAndPolicy(searchModuleUrl: string): { script: string; policy: string } {
  if (cached?.url !== searchModuleUrl) {
    const script = pageScript(searchModuleUrl);
    cached = { url: searchModuleUrl, script, policy: contentSecurityPolicy([script]) };
  }
  return cached;
}
