import { missingPeople, REQUIRED_PRESENT } from './participant-rules';

const full = [
  { role: 'buyer' as const, name: 'B-0012' },
  { role: 'enforcement-officer' as const, name: '王明' },
  { role: 'enforcement-officer' as const, name: '张强' },
  { role: 'lab-staff' as const, name: '李华' },
  { role: 'lab-staff' as const, name: '赵敏' },
];

describe('unpacking participants', () => {
  it('accepts the buyer, two enforcement officers and two lab staff', () => {
    expect(missingPeople(full, REQUIRED_PRESENT)).toEqual([]);
  });

  it('refuses one enforcement officer', () => {
    expect(
      missingPeople(
        full.filter((p) => p.name !== '张强'),
        REQUIRED_PRESENT,
      ),
    ).toEqual(['needs at least 2 enforcement officers, got 1']);
  });

  it('counts the same officer listed twice once', () => {
    const twice = [
      ...full.filter((p) => p.name !== '张强'),
      { role: 'enforcement-officer' as const, name: '王明' },
    ];
    expect(missingPeople(twice, REQUIRED_PRESENT)).toEqual(['needs at least 2 enforcement officers, got 1']);
  });

  it('refuses an unpacking without the buyer', () => {
    expect(missingPeople(full.slice(1), REQUIRED_PRESENT)).toEqual(['needs at least 1 buyer, got 0']);
  });
});
