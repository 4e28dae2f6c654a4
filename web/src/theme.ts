/** Mantine theme: a green primary with AA contrast, system fonts (no web fonts, works offline). */
import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

const patuh: MantineColorsTuple = [
  '#e6f5ee',
  '#cdebdc',
  '#9dd6ba',
  '#69c096',
  '#40ad78',
  '#27a166',
  '#179a5d',
  '#08864d',
  '#007743',
  '#006737',
];

export const theme = createTheme({
  primaryColor: 'patuh',
  // shade 9 of the stock colours (red, grape…) keeps white text and outline text above 4.5:1
  primaryShade: { light: 9, dark: 6 },
  colors: { patuh },
  focusRing: 'auto',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
  headings: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
  },
});

/** Mantine's default dimmed and placeholder greys fall below 4.5:1 on white; darken them. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#555d66',
    '--mantine-color-placeholder': '#687078',
  },
  dark: {},
});
