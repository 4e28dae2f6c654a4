/** The instrument as people read it: the CLI's `instrument show`, the API and the web app. */
import type { Instrument } from '../domain/instrument/schema.ts';

/**
 * dimensions → variables → indicators. `full` adds each indicator's respondents,
 * evidence, levels it applies to and its 0–3 scale; `labels` is what a page needs to
 * name the parts of an explanation.
 */
export function describeInstrument(inst: Instrument, detail: 'full' | 'labels', serviceUsersPerUnit?: number) {
  return {
    edition: inst.edition,
    name: inst.name,
    dimensions: inst.dimensions.map((d) => ({
      code: d.code,
      name: d.name,
      weight: d.weight,
      variables: d.variables.map((v) => ({
        code: v.code,
        name: v.name,
        weight: v.weight,
        indicators: v.indicators.map((i) =>
          detail === 'labels'
            ? { code: i.code, text: i.text, method: i.method }
            : {
                code: i.code,
                text: i.text,
                method: i.method,
                respondents:
                  i.respondents === 'cycle' ? (serviceUsersPerUnit ?? inst.serviceUsersPerUnit) : i.respondents,
                evidence: i.evidence,
                appliesTo: i.appliesTo ?? null,
                requirement: i.requirement,
                scale: i.scale,
              },
        ),
      })),
    })),
  };
}
