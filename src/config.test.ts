import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const S3 = {
  PATUH_S3_ENDPOINT: 'https://s3.ap-southeast-3.amazonaws.com',
  PATUH_S3_BUCKET: 'patuh',
  PATUH_S3_REGION: 'ap-southeast-3',
  PATUH_S3_ACCESS_KEY_ID: 'AKID',
  PATUH_S3_SECRET_ACCESS_KEY: 'secret',
};

describe('evidence configuration', () => {
  it('defaults to files under the data directory and 10 MiB', () => {
    const c = loadConfig({ PATUH_DATA_DIR: '/srv/patuh' });
    expect(c.evidence).toEqual({ limitBytes: 10 * 1024 * 1024, s3: null });
    expect(loadConfig({ PATUH_EVIDENCE_LIMIT_MB: '2.5' }).evidence.limitBytes).toBe(2.5 * 1024 * 1024);
  });

  it('takes S3 when all five variables are given (blank counts as not given)', () => {
    expect(loadConfig(S3).evidence.s3).toEqual({
      endpoint: S3.PATUH_S3_ENDPOINT,
      bucket: 'patuh',
      region: 'ap-southeast-3',
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
    });
    expect(loadConfig({ PATUH_S3_BUCKET: ' ' }).evidence.s3).toBeNull();
  });

  it('reports a partial S3 configuration and a bad limit at once', () => {
    const { PATUH_S3_SECRET_ACCESS_KEY: _, PATUH_S3_REGION: __, ...partial } = S3;
    let message = '';
    try {
      loadConfig({ ...partial, PATUH_EVIDENCE_LIMIT_MB: '0' });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/PATUH_EVIDENCE_LIMIT_MB/);
    expect(message).toMatch(/missing PATUH_S3_REGION, PATUH_S3_SECRET_ACCESS_KEY/);
    expect(() => loadConfig({ ...S3, PATUH_S3_ENDPOINT: 'ftp://x' })).toThrow(/PATUH_S3_ENDPOINT/);
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default, and takes addresses and CIDRs of both families', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: ' 127.0.0.1, 10.0.0.0/8,::1 ,2001:db8::/32 ' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      '2001:db8::/32',
    ]);
  });

  it('refuses yes/no, names and bad prefixes at start-up, saying what to give', () => {
    for (const bad of ['true', '1', 'proxy.local', '10.0.0.0/33', '::1/129', '10.0.0.1/8/2']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(ConfigError);
    }
    expect(() => loadConfig({ TRUST_PROXY: '127.0.0.1,true' })).toThrow(
      /TRUST_PROXY: "true" is not an IPv4 or IPv6 address or CIDR; name the proxies to trust/,
    );
  });
});
