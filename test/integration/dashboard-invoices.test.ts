import { describe, expect, it } from 'vitest';
import { loadDashboard } from '../../src/admin/dashboard.service.js';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { staffClient } from '../helpers/staff.js';
import { invoicedBooking, seminar } from './finance-fixtures.js';

forEachDialect('dashboard: invoices panel', (dialect) => {
  const t = useTestApp(dialect);

  describe('with two issued invoices, one past due', () => {
    it('counts what waits to be sent and what is overdue, for finance and administrators only', async () => {
      const { ctx, app } = t.current;
      const event = await seminar(ctx);
      const first = await invoicedBooking(ctx, event, 'aarhus');
      await invoicedBooking(ctx, event, 'kbh');
      await ctx.db.updateTable('invoice_documents').set({ due_date: '2026-05-01' }).where('id', '=', first.id).execute();

      expect((await loadDashboard(ctx, { id: 0, role: 'finance' })).invoices).toEqual({ toSend: 2, overdue: 1 });
      expect((await loadDashboard(ctx, { id: 0, role: 'admin' })).invoices).toEqual({ toSend: 2, overdue: 1 });
      expect((await loadDashboard(ctx, { id: 0, role: 'manager' })).invoices).toBeUndefined();

      const finance = await staffClient(app, ctx, 'finance');
      const page = await app.inject({ url: '/admin', headers: finance.headers });
      expect(page.body).toContain('<a href="/admin/invoices?status=issued">Fakturaer, der venter på at blive sendt: 2</a>');
      expect(page.body).toContain('<a href="/admin/invoices?overdue=1">Forfaldne fakturaer: 1</a>');

      const manager = await staffClient(app, ctx, 'manager');
      const managerPage = await app.inject({ url: '/admin', headers: manager.headers });
      expect(managerPage.statusCode).toBe(200);
      expect(managerPage.body).not.toContain('Forfaldne fakturaer');
    });
  });
});
