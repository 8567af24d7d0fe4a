import type { Locator, Page } from '@playwright/test';

/** The e-mail texts on the organisation settings page: a language switch, a tab per e-mail, an editor. */
export class EmailTextsSettings {
  readonly root: Locator;
  readonly language: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'E-mail texts' });
    this.language = this.root.getByRole('radiogroup', { name: 'Language of the texts' });
  }

  async goto() {
    await this.page.goto('/settings/organisation');
  }

  async chooseLanguage(name: string) {
    await this.language.getByText(name, { exact: true }).click();
  }

  /** An e-mail's tab, whose name may end with the "Custom" badge. */
  tab(name: string): Locator {
    return this.root.getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  /** The editor of one e-mail in one language (`tickets`, `nl`). */
  editor(kind: string, language: string) {
    const root = this.root.locator(`[data-template="${kind}"][data-language="${language}"]`);
    return {
      root,
      subject: root.getByRole('textbox', { name: 'Subject' }),
      text: root.getByRole('textbox', { name: 'Text' }),
      save: root.getByRole('button', { name: 'Save text' }),
      previewSubject: root.getByTestId('preview-subject'),
      previewText: root.getByTestId('preview-text'),
    };
  }
}
