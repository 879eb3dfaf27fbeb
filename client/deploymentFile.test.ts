import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatePoliceKey, kidOf } from '../crypto/index.ts';
import { checkDeployment, DeploymentFileError } from './deploymentFile.ts';

const template = JSON.parse(readFileSync(new URL('../deploy/demo.template.json', import.meta.url), 'utf8'));

async function withKey(override: Record<string, unknown> = {}) {
  const police = await generatePoliceKey();
  return { ...template, policeKeys: [{ kid: police.kid, publicKey: police.publicKey, status: 'active', createdAt: '2026-11-23T10:00:00Z', ...override }] };
}

describe('checkDeployment', () => {
  it('accepts a deployment file whose kids are their keys', async () => {
    const json = await withKey();
    await expect(checkDeployment(json, kidOf)).resolves.toMatchObject({ town: template.town });
  });

  it('names the file and the field a shape problem is in', async () => {
    const json = await withKey();
    await expect(checkDeployment({ ...json, apiOrigin: 42 }, kidOf, 'deploy/x.json')).rejects.toThrow(/^deploy\/x\.json: apiOrigin: /);
    await expect(checkDeployment('nope', kidOf, 'deploy/x.json')).rejects.toThrow(/^deploy\/x\.json: \(root\): /);
  });

  it('refuses a kid that is not its public key', async () => {
    const other = await generatePoliceKey();
    const json = await withKey({ kid: other.kid });
    const err = await checkDeployment(json, kidOf).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeploymentFileError);
    expect((err as Error).message).toBe(`deployment: police key ${other.kid} does not match its public key`);
  });
});
