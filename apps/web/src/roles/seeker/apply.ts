import { client, unwrap } from '../../api/client';

/** Applies to a job: 201 a new application, 200 the one that already exists. */
export async function applyTo(shortageId: string): Promise<'created' | 'existing'> {
  const answer = await client.POST('/api/applications', { body: { shortageId } });
  await unwrap(Promise.resolve(answer));
  return answer.response.status === 201 ? 'created' : 'existing';
}

export const notInterested = (shortageId: string, reason?: string) =>
  unwrap(client.POST('/api/seekers/me/recommendations/{shortageId}/not-interested', { params: { path: { shortageId } }, body: reason ? { reason } : {} }));
