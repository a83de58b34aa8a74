import '@testing-library/jest-dom/vitest';

// jsdom has no layout: every element measures 0×0, so a virtualized list would show no rows.
// Give scroll containers the size of a laptop viewport; rows keep their real (CSS) height logic.
if (typeof HTMLElement !== 'undefined') {
  const size = (dimension: 'clientHeight' | 'clientWidth', value: number) => {
    const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, dimension);
    Object.defineProperty(HTMLElement.prototype, dimension, {
      configurable: true,
      get(this: HTMLElement) {
        if (this.classList.contains('table-scroll')) return value;
        return original?.get?.call(this) ?? 0;
      },
    });
  };
  size('clientHeight', 800);
  size('clientWidth', 1200);
}
