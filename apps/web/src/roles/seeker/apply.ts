import { api, apiWithStatus } from '../../app/api';

export async function applyTo(shortageId: string): Promise<'created' | 'existing'> {
  const { status } = await apiWithStatus('/api/applications', { method: 'POST', body: { shortageId } });
  return status === 201 ? 'created' : 'existing';
}

export const notInterested = (shortageId: string, reason?: string) =>
  api(`/api/seekers/me/recommendations/${shortageId}/not-interested`, { method: 'POST', body: reason ? { reason } : {} });
