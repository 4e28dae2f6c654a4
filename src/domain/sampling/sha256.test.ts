import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256.ts';

describe('sha256', () => {
  // FIPS 180-4 examples and `printf '%s' … | sha256sum` for the rest
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    [
      'Kantor Camat Pasar Rebo — pelayanan KTP-el ü',
      'b15584426ad9d015f067bef27bd014787be7943690404135fd5d3a6de82c6af9',
    ],
    ['S:32.75:units:puskesmas:0', '77e3d49176ef964da8b95c3507cd07eec03538d274e68a721f2dd9efcb70ccfe'],
  ])('sha256(%j)', (text, hex) => {
    expect(sha256Hex(text)).toBe(hex);
  });

  it('pads correctly at the block boundaries (55, 56 and 64 bytes)', () => {
    expect(sha256Hex('x'.repeat(55))).toBe('d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072');
    expect(sha256Hex('x'.repeat(56))).toBe('04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e');
    expect(sha256Hex('x'.repeat(64))).toBe('7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c');
  });

  it('hashes a long message (one million times "a")', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });
});
