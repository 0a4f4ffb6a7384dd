import { publicEventDescription } from './event-description';

describe('publicEventDescription', () => {
  const jobs = [
    { employerName: '海口康乐养老院', title: '养老护理员', headcount: 6, wageMin: 4000, wageMax: 5500, payBasis: 'monthly' },
    { employerName: '海口康乐养老院', title: '护理主管', headcount: 1, wageMin: 6000, wageMax: 6000, payBasis: 'monthly' },
    { employerName: '椰城家政服务公司', title: '家政服务员', headcount: 4, wageMin: 25, wageMax: 30, payBasis: 'hourly' },
  ];
  const facts = { date: '2025-07-07', startTime: '09:00', endTime: '12:00', stationName: '金贸街道就业驿站', stationAddress: '海口市龙华区金贸西路 8 号', jobs };

  it('tells seekers the jobs, wages, headcount, employers, place and what to bring, and nothing of the planning', () => {
    const text = publicEventDescription({ ...facts, kind: 'general_fair' });
    expect(text).toBe(
      [
        '综合招聘会：2025-07-07 09:00–12:00，地点：金贸街道就业驿站（海口市龙华区金贸西路 8 号）。',
        '2 家用人单位招聘 11 人：',
        '· 海口康乐养老院：养老护理员 6 人，月薪 4000–5500 元/月；护理主管 1 人，月薪 6000 元/月',
        '· 椰城家政服务公司：家政服务员 4 人，时薪 25–30 元/小时',
        '请携带身份证、个人简历和相关职业资格证书。免费入场。',
      ].join('\n'),
    );
    expect(text).not.toMatch(/重点群体|预计到场|截止日期|强匹配/);
  });

  it('describes a live stream as one to watch online or at the station', () => {
    const text = publicEventDescription({ ...facts, kind: 'live_stream' });
    expect(text).toMatch(/^直播带岗：2025-07-07 09:00–12:00，由金贸街道就业驿站在线直播/);
    expect(text).toMatch(/在线投递/);
  });
});
