import { describe, expect, it } from 'vitest';
import type { Bootstrap } from '../../../electron/common/api/contract.js';
import { inlineBootstrapElement } from '../../../electron/common/api/inline-bootstrap.js';

describe('the inlined bootstrap', () => {
  it('cannot close its element or open a comment, and reads back unchanged', () => {
    const hostile = '</script><script>alert(1)</script><!-- <b>';
    const bootstrap = { clinic: { name: hostile, accentColor: '#2f6f73', logoDataUrl: null }, content: {}, session: {} } as unknown as Bootstrap;
    const element = inlineBootstrapElement(bootstrap);
    const inner = /^<script type="application\/json" id="kiosk-bootstrap">([^]*)<\/script>$/.exec(element)?.[1];
    expect(inner).toBeDefined();
    expect(inner).not.toContain('<');
    expect(JSON.parse(inner!)).toEqual(bootstrap);
  });
});
