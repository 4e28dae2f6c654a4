import { describe, expect, it } from 'vitest';
import { reviewSources, reviewTarget } from './workflow.ts';

describe('verification workflow', () => {
  it('goes submitted → verified → validated', () => {
    expect(reviewTarget('verify', 'submitted', false)).toBe('verified');
    expect(reviewTarget('validate', 'verified', true)).toBe('validated');
    expect(reviewTarget('validate', 'submitted', true)).toBeNull();
    expect(reviewTarget('verify', 'returned', false)).toBeNull();
  });

  it('sends back from submitted or verified; a validated one only from the central office', () => {
    expect(reviewSources('return', false)).toEqual(['submitted', 'verified']);
    expect(reviewSources('return', true)).toEqual(['submitted', 'verified', 'validated']);
    expect(reviewTarget('return', 'returned', true)).toBeNull();
  });
});
