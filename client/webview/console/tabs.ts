/**
 * The console's tab strip, kept generic: each `[role="tab"]` shows the panel its
 * `aria-controls` names and hides the others. Arrow keys, Home and End move between tabs, as in
 * VS Code's own tab lists. A tab added to the page needs nothing more here.
 */
export interface TabStrip {
  /** Shows the tab whose `data-tab` is `id`; an id with no tab changes nothing. */
  select(id: string): void;
}

/** Sets up the strip's tabs; `onSelect` hears the id of every tab shown, the first included. */
export function setUpTabs(strip: HTMLElement | null, onSelect: (id: string) => void = () => undefined): TabStrip {
  const tabs = strip ? [...strip.querySelectorAll<HTMLElement>('[role="tab"]')] : [];
  const select = (chosen: HTMLElement) => {
    for (const tab of tabs) {
      const selected = tab === chosen;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !selected;
    }
    onSelect(chosen.dataset.tab ?? '');
  };
  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (event) => {
      const i = tabs.indexOf(tab);
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      const target = tabs[(next + tabs.length) % tabs.length];
      select(target);
      target.focus();
      event.preventDefault();
    });
  }
  const first = tabs.find((t) => t.getAttribute('aria-selected') === 'true') ?? tabs[0];
  if (first) select(first);
  return {
    select(id) {
      const tab = tabs.find((t) => t.dataset.tab === id);
      if (tab) select(tab);
    },
  };
}
