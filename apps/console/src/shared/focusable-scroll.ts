import { useEffect } from 'react';

const SCROLLERS = '.ant-table-content, .ant-table-body';

/**
 * Tables that scroll sideways (narrow screens) must be reachable by keyboard (WCAG 2.1.1): Ant
 * Design renders their scroll containers without a tab stop, so give each one a tab stop and a name.
 */
export function useFocusableScrollRegions(label: string): void {
  useEffect(() => {
    const mark = () => {
      for (const el of document.querySelectorAll<HTMLElement>(SCROLLERS)) {
        if (el.tabIndex < 0 || !el.hasAttribute('tabindex')) {
          el.tabIndex = 0;
          el.setAttribute('role', 'region');
          el.setAttribute('aria-label', label);
        }
      }
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [label]);
}
