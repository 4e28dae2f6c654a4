/** The installed instrument editions and band schemes (GET /api/v1/instruments, public): what a new cycle may use. */
import type { InstrumentCatalogView } from '@shared/public-api.ts';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from './http';
import { ZONES } from './schemas';

const localText = z.object({ id: z.string(), en: z.string() });

export const instrumentCatalogSchema = z.object({
  editions: z.array(
    z.object({
      edition: z.string(),
      name: localText,
      year: z.number(),
      serviceUsersPerUnit: z.number(),
      indicators: z.number(),
      dimensions: z.array(z.object({ code: z.string(), name: localText, weight: z.number() })),
    }),
  ),
  bandSchemes: z.array(
    z.object({
      scheme: z.string(),
      name: localText,
      bands: z.array(
        z.object({
          min: z.number(),
          category: z.string().nullable(),
          opinion: localText,
          zone: z.enum(ZONES).nullable(),
        }),
      ),
    }),
  ),
});
export type InstrumentCatalog = z.infer<typeof instrumentCatalogSchema>;

type Fits<Server, App> = Server extends App ? true : never;
export const catalogContractFits: Fits<InstrumentCatalogView, z.input<typeof instrumentCatalogSchema>> = true;

export function useInstrumentCatalog(enabled = true) {
  return useQuery({
    queryKey: ['instruments'],
    enabled,
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) =>
      api('/instruments', z.object({ data: instrumentCatalogSchema }), { signal }).then((r) => r.data),
  });
}
