/** The installed instrument editions and band schemes (public): the cycle form and the category charts read them. */
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.ts';
import type { InstrumentCatalogView } from '../../shared/public-api.ts';
import { sendPublic } from '../etag.ts';
import { describe } from '../route-kit.ts';

export function presentCatalog(ctx: ServiceContext): InstrumentCatalogView {
  return {
    editions: [...ctx.catalog.editions.values()]
      .sort((a, b) => a.year - b.year || a.edition.localeCompare(b.edition))
      .map((i) => ({
        edition: i.edition,
        name: i.name,
        year: i.year,
        serviceUsersPerUnit: i.serviceUsersPerUnit,
        indicators: i.dimensions.reduce((n, d) => n + d.variables.reduce((m, v) => m + v.indicators.length, 0), 0),
        dimensions: i.dimensions.map((d) => ({ code: d.code, name: d.name, weight: d.weight })),
      })),
    bandSchemes: [...ctx.catalog.bandSchemes.values()]
      .sort((a, b) => a.scheme.localeCompare(b.scheme))
      .map((s) => ({
        scheme: s.scheme,
        name: s.name,
        bands: s.bands.map((b) => ({ min: b.min, category: b.category, opinion: b.opinion, zone: b.zone })),
      })),
  };
}

export function registerInstrumentCatalogRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/api/v1/instruments',
    describe({ tags: ['instruments'], summary: 'Instrument editions and band schemes with their bands' }),
    async (req, reply) => sendPublic(req, reply, { data: presentCatalog(ctx) }),
  );
}
