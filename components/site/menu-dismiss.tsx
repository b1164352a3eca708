'use client';

import { useEffect, useRef } from 'react';

/**
 * Closes the disclosure menu it sits in (the phone's "Chuyên mục") the way readers expect a menu
 * to close: Escape (focus back on its button), a tap elsewhere, or focus moving out of it. Without
 * JavaScript the menu still opens and closes with its own button.
 */
export function MenuDismiss() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const menu = marker.current?.closest('details');
    if (!menu) return;
    const outside = (target: EventTarget | null) => target instanceof Node && !menu.contains(target);
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !menu.open) return;
      menu.open = false;
      menu.querySelector('summary')?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (menu.open && outside(event.target)) menu.open = false;
    };
    const onFocus = (event: FocusEvent) => {
      if (menu.open && outside(event.target)) menu.open = false;
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('focusin', onFocus);
    };
  }, []);
  return <span ref={marker} hidden />;
}
