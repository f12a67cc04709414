// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { button, click, inProcessBackground, mount, text, type, waitFor } from '../../test/ui';
import { CompanySection } from './CompanySection';
import { ProfileSection } from './ProfileSection';

describe('company and payment details', () => {
  it('are saved in the team settings; a mistyped IBAN is refused before saving', async () => {
    const bg = inProcessBackground();
    const { team } = await bg.send({ type: 'getSettings' });
    const saved: unknown[] = [];
    const root = mount(
      <CompanySection
        settings={team}
        lang="fr"
        readOnly={false}
        onSave={async (patch) => {
          saved.push(patch);
          await bg.send({ type: 'saveTeamSettings', settings: { ...team, ...patch } });
        }}
      />,
    );
    await type(root.querySelector('input[name=iban]'), 'FR76 3000 6000 0112 3456 7890 188');
    expect(text(root)).toContain('Cet IBAN ne se vérifie pas');
    expect(button(root, 'Enregistrer')!.disabled).toBe(true);
    await type(root.querySelector('input[name=iban]'), 'FR76 3000 6000 0112 3456 7890 189');
    await type(root.querySelector('input[name=companyRegistration]'), '512 345 678 00021');
    await click(button(root, 'Enregistrer'));
    await waitFor(() => saved.length === 1);
    await waitFor(() => text(root).includes('Enregistré.'));
    const after = (await bg.send({ type: 'getSettings' })).team;
    expect(after).toMatchObject({
      iban: 'FR76 3000 6000 0112 3456 7890 189',
      companyRegistration: '512 345 678 00021',
    });
  });
});

describe('my profile', () => {
  it('keeps the name, role and phone that sign my reminders', async () => {
    const bg = inProcessBackground();
    const root = mount(<ProfileSection send={bg.send} lang="en" showError={() => {}} />);
    await waitFor(() => root.querySelector('input[name=profile-name]'));
    await type(root.querySelector('input[name=profile-name]'), 'Karim Benali');
    await type(root.querySelector('input[name=profile-role]'), 'Accountant');
    await click(button(root, 'Save'));
    await waitFor(() => text(root).includes('Saved.'));
    expect((await bg.send({ type: 'getProfile' })).profile).toMatchObject({
      name: 'Karim Benali',
      role: 'Accountant',
    });
  });
});
