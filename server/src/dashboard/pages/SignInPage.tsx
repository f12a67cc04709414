import { Layout } from '../components/Layout';
import type { PageContext } from '../http/context';

export type SignInError = 'invalid' | 'malformed';

export function SignInPage({ ctx, error, next }: { ctx: PageContext; error?: SignInError; next?: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('signInTitle')}>
      <p>{t('signInIntro')}</p>
      <p class="small muted">{t('signInFromExtension')}</p>
      {error ? (
        <p class="notice error" role="alert" id="sign-in-error">
          {t(error === 'invalid' ? 'signInInvalid' : 'signInMalformed')}
        </p>
      ) : null}
      <form method="post" action={ctx.href('/sign-in')} class="sign-in">
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <div class="field">
          <label for="token">{t('tokenLabel')}</label>
          <input
            id="token"
            name="token"
            type="password"
            required
            autoComplete="off"
            spellcheck={false}
            aria-describedby={error ? 'sign-in-error' : undefined}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <button type="submit">{t('signInButton')}</button>
      </form>
      <p class="small muted">{t('signInCookieNote')}</p>
    </Layout>
  );
}
