import { addDays, shanghaiDate } from '@app/clock';
import { makeResidentId } from '@app/identifiers';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

/**
 * Issue 12, finding 9: station staff reach seekers on their events or in their region only (security.md). A 三亚
 * station cannot check in, invite or add a 海口 seeker by id: 404, and her name is never in the answer.
 */
describe('station staff: seeker ids in their scope only', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let staff: HttpClient;
  let eventId: string;
  let haikouSeeker: { id: string; name: string };
  let sanyaSeeker: { id: string; name: string };

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
    const admin = await http.login((await factories.user('admin')).username, TEST_PASSWORD);
    const station = await admin.post('/api/stations', {
      name: '吉阳区就业驿站', type: 'employment_station', regionCode: '460203', address: '三亚市吉阳区迎宾路 1 号', lat: 18.25, lng: 109.51,
      capacity: 100, booths: 10, openingHours: '周一至周五 8:30-17:30',
    });
    expect(station.status).toBe(201);
    // The staff account has no region of its own: the station's (吉阳区) is its region.
    const staffUser = await factories.user('station_staff');
    expect((await admin.post(`/api/stations/${station.body.id}/staff`, { userId: staffUser.id })).status).toBe(204);
    staff = await http.login(staffUser.username, TEST_PASSWORD);
    const event = await staff.post('/api/events', {
      stationId: station.body.id, title: '吉阳区专场招聘会', type: 'on_site', date: addDays(shanghaiDate(), 2), startTime: '09:00', endTime: '12:00', capacity: 50,
    });
    expect(event.status).toBe(201);
    eventId = event.body.id;
    expect((await staff.post(`/api/events/${eventId}/publish`)).status).toBe(200);
    haikouSeeker = await factories.seeker({ regionCode: '460106', name: '王海口' });
    sanyaSeeker = await factories.seeker({ regionCode: '460203', name: '黎三亚' });
  });
  afterAll(() => t.close());

  it('a walk-in check-in by id: a seeker of another region answers 404 without her name; one of the region is admitted', async () => {
    const foreign = await staff.post(`/api/events/${eventId}/checkins`, { seekerId: haikouSeeker.id });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    expect(JSON.stringify(foreign.body)).not.toContain(haikouSeeker.name);
    expect((await staff.get(`/api/events/${eventId}/checkins`)).body.items).toHaveLength(0);

    const local = await staff.post(`/api/events/${eventId}/checkins`, { seekerId: sanyaSeeker.id });
    expect(local.status).toBe(201);
    expect(local.body).toMatchObject({ seekerId: sanyaSeeker.id, walkIn: true });
  });

  it('invitations and added invitees: another region’s seeker answers 404 and nothing is sent or added', async () => {
    const foreign = await staff.post(`/api/events/${eventId}/invitations`, { seekerIds: [haikouSeeker.id] });
    expect(foreign.status).toBe(404);
    const mixed = await staff.post(`/api/events/${eventId}/invitations`, { seekerIds: [sanyaSeeker.id, haikouSeeker.id] });
    expect(mixed.status).toBe(404);
    expect((await staff.patch(`/api/events/${eventId}`, { addInvitees: [haikouSeeker.id] })).status).toBe(404);
    const invitations = await staff.get(`/api/events/${eventId}/invitations`);
    expect(JSON.stringify(invitations.body)).not.toContain(haikouSeeker.id);

    const other = await factories.seeker({ regionCode: '460203' });
    expect((await staff.post(`/api/events/${eventId}/invitations`, { seekerIds: [other.id] })).status).toBe(200);
  });

  it('a walk-in from another region whom the staff member registered at the desk is in scope', async () => {
    const registered = await staff.post('/api/seekers', {
      name: '王建国', residentId: makeResidentId('460107', '1988-03-12', '005'), phone: '13912340005', regionCode: '460107', desiredOccupations: ['4-10-01-05'],
    });
    expect(registered.status).toBe(201);
    const checkedIn = await staff.post(`/api/events/${eventId}/checkins`, { seekerId: registered.body.id });
    expect(checkedIn.status).toBe(201);
    expect(checkedIn.body).toMatchObject({ seekerId: registered.body.id, walkIn: true });
  });

  it('a seeker of another region who registered for the station’s event is on its event, so in scope', async () => {
    const visitor = await factories.seeker({ regionCode: '460106' });
    const client = await http.login((await factories.user('seeker', { seekerId: visitor.id })).username, TEST_PASSWORD);
    expect((await client.post(`/api/events/${eventId}/registrations`)).status).toBe(201);
    const checkedIn = await staff.post(`/api/events/${eventId}/checkins`, { seekerId: visitor.id });
    expect(checkedIn.status).toBe(201);
    expect(checkedIn.body).toMatchObject({ seekerId: visitor.id, walkIn: false });
  });
});
