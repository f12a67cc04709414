import { createTranslator, type Language, type Translator } from '@relance/shared';

/** Every word the popup and the options page show, French first. Both languages define every key. */
const MESSAGES = {
  fr: {
    appName: 'Relance',
    loading: 'Chargement…',
    save: 'Enregistrer',
    saved: 'Enregistré.',
    cancel: 'Annuler',
    remove: 'Retirer',
    add: 'Ajouter',
    openOptions: 'Options',

    // Popup
    todayTitle: "Aujourd'hui",
    todayNothing: "Rien à relancer aujourd'hui.",
    todayDueOne: '1 relance à faire',
    todayDueMany: '{count} relances à faire',
    overdueTotal: 'En retard : {amount}',
    overdueInvoicesOne: '1 facture',
    overdueInvoicesMany: '{count} factures',
    overdueNone: 'Aucune facture en retard.',
    nothingSeenYet:
      "Aucune facture vue pour l'instant. Ouvrez la liste des factures de votre site de facturation : Relance la lit et affiche les retards.",
    seeAll: 'Tout voir ({count} clients)',
    seeAllDashboard: 'Tout voir dans le tableau de bord',
    moreInvoices: '+ {count} autres factures',
    invoiceAmount: '{amount}',
    teachThisSite: 'Apprendre ce site',
    siteNotUnderstood:
      'Relance ne reconnaît aucune facture sur cette page. Montrez-lui où sont les factures : cela reste dans votre navigateur.',
    siteNotUnderstoodTeach: 'Apprendre ce site à Relance',
    webmailHealthLine: 'Relance ne reconnaît plus {what} sur {webmail}.',
    webmailHealthRecipients: 'les destinataires',
    webmailHealthSend: 'le bouton Envoyer',
    webmailHealthAnd: ' ni ',
    webmailHealthSeen: 'Vu {count} fois, la dernière le {date}.',
    webmailHealthHint:
      'Le rapport ne contient que des noms de balises et d’attributs : aucun texte de vos messages.',
    webmailHealthCopy: 'Copier le rapport',
    webmailHealthCopied: 'Rapport copié.',
    webmailHealthClear: 'Effacer',
    teachStarted:
      'Mode apprentissage lancé : cliquez sur la page pour montrer à Relance où sont les factures.',
    teachReload:
      "Relance n'est pas encore lancé dans cet onglet ({host}) : rechargez la page, puis cliquez à nouveau sur « Apprendre ce site ».",
    teachNotRunningOn:
      "Relance ne fonctionne pas encore sur {host}. Ajoutez ce site (le navigateur vous demandera l'autorisation), rechargez la page, puis apprenez-le.",
    teachNotRunning:
      'Relance ne fonctionne pas sur cette page. Ajoutez le site de votre outil de facturation dans les options, rechargez la page, puis apprenez-le.',
    teachNotAPage:
      'Le mode apprentissage fonctionne sur les pages de votre outil de facturation, pas sur les pages du navigateur.',
    teachAddSite: 'Ajouter {host}…',
    teachAddASite: 'Ajouter un site…',

    // Sync status, in plain words
    syncTitle: 'Synchronisation',
    syncNow: 'Synchroniser maintenant',
    syncRunning: 'Synchronisation en cours…',
    syncLocalOnly:
      'Mode local : vos données restent sur cet ordinateur. Rejoignez une équipe dans les options pour les partager.',
    syncLocalOnlyBelow:
      'Mode local : vos données restent sur cet ordinateur. Pour les partager, créez ou rejoignez une équipe ci-dessous.',
    syncTeam: 'Équipe « {team} », connecté·e en tant que {person}.',
    syncDone: 'Dernière synchronisation : {when}.',
    syncNever: 'Pas encore synchronisé avec le serveur.',
    syncPendingOne: '1 modification attend d’être envoyée.',
    syncPendingMany: '{count} modifications attendent d’être envoyées.',
    syncAllSent: 'Tout est envoyé.',
    syncRetryAt: 'Nouvel essai automatique {when}.',
    'syncError.offline':
      'Le serveur est injoignable (pas de réseau ou serveur arrêté). Vos modifications sont gardées et partiront au retour de la connexion.',
    'syncError.server':
      'Le serveur rencontre un problème. Vos modifications sont gardées ; Relance réessaiera.',
    'syncError.unauthorized':
      "Le serveur ne reconnaît plus cet accès (révoqué ou expiré). Déconnectez-vous puis rejoignez l'équipe à nouveau.",
    'syncError.rejected-batch': "Le serveur a refusé l'envoi ({message}).",
    'syncError.extension-outdated':
      "Cette version de Relance est trop ancienne pour le serveur de l'équipe : mettez l'extension à jour. Vos modifications sont gardées.",
    'syncError.server-outdated':
      "Le serveur de l'équipe est plus ancien que cette version de Relance : demandez à son administrateur de le mettre à jour. Vos modifications sont gardées.",
    'syncError.unknown': 'Erreur inattendue pendant la synchronisation ({message}).',
    setAsideTitle: 'Modifications mises de côté',
    setAsideOne: '1 modification a été mise de côté — voir les options.',
    setAsideMany: '{count} modifications ont été mises de côté — voir les options.',
    'setAside.rejected': 'refusée par le serveur',
    'setAside.stale': 'remplacée par une modification plus récente (texte conservé)',
    'setAside.unreadable': 'illisible pour cette version',

    // Options: account and team
    optionsTitle: 'Options de Relance',
    languageTitle: 'Langue',
    languageLabel: "Langue de l'interface",
    'language.fr': 'Français',
    'language.en': 'English',
    accountTitle: 'Équipe et serveur',
    serverUrl: 'Adresse du serveur',
    serverUrlHelp:
      'Par exemple https://relance.mon-entreprise.fr — sans serveur, Relance fonctionne en mode local.',
    createTeamTitle: 'Créer une équipe',
    teamName: "Nom de l'équipe",
    yourName: 'Votre nom',
    createTeam: "Créer l'équipe",
    joinTeamTitle: 'Rejoindre une équipe',
    inviteCode: "Code d'invitation",
    joinTeam: 'Rejoindre',
    signedInAs: '{person} ({role}) dans l’équipe « {team} »',
    'role.owner': 'propriétaire',
    'role.lead': 'responsable',
    'role.member': 'membre',
    createInvite: "Créer un code d'invitation",
    inviteCreated: 'Code : {code} (valable jusqu’au {expires})',
    inviteRole: 'Rôle de la personne invitée',
    inviteMessageLabel: 'Message prêt à envoyer',
    inviteMessage:
      "Bonjour,\n\nRejoignez notre équipe « {team} » sur Relance, pour suivre ensemble les factures en retard.\n\n1. Installez l'extension Relance dans votre navigateur.\n2. Ouvrez ce lien, ou dans les options de Relance choisissez « Rejoindre une équipe » :\n{link}\n   Adresse du serveur : {server}\n   Code d'invitation : {code} (valable jusqu’au {expires})\n\n{person}",
    copyInvite: 'Copier le message',
    inviteCopied: 'Message copié : collez-le dans un e-mail ou une messagerie.',
    serverNotRelance:
      "Cette adresse répond, mais ce n'est pas un serveur Relance. Vérifiez l'adresse que votre équipe vous a donnée.",
    serverUnreachable:
      "Aucun serveur ne répond à cette adresse. Vérifiez l'adresse et votre connexion, ou que le serveur est démarré.",
    dataConsentRefused:
      'Sans votre accord pour envoyer ces données au serveur de votre équipe, Relance reste sur ce navigateur.',
    dashboardLink: 'Tableau de bord',
    dashboardCopyToken: 'Copier mon jeton de connexion',
    dashboardHelp:
      "Le lien ouvre le tableau de bord de l'équipe et vous y connecte. Pour vous connecter depuis un autre navigateur, copiez votre jeton et collez-le sur sa page de connexion : il donne accès à l'équipe, ne le partagez pas.",
    dashboardTokenCopied:
      'Jeton copié. Collez-le sur la page de connexion du tableau de bord, puis effacez-le du presse-papiers si besoin.',
    dashboardOpenedPaste:
      'Le tableau de bord est ouvert sur sa page de connexion : copiez votre jeton ici, puis collez-le là-bas.',
    dashboardLeadsOnly:
      "Le tableau de bord de l'équipe est réservé à son propriétaire et à ses responsables.",
    signOut: 'Se déconnecter',
    confirmDiscard:
      "{count} modification(s) n'ont pas encore été envoyées et seront perdues. Se déconnecter quand même ?",

    // Options: team settings
    teamSettingsTitle: "Paramètres de l'équipe",
    readOnlySettings: "Réglages de l'équipe : seuls ses propriétaires et responsables peuvent les modifier.",
    companyName: 'Nom de la société',
    senderName: 'Signataire des relances',
    companyAddress: 'Adresse de la société (pour les courriers)',
    quietPeriod: "Délai d'alerte (jours) : prévenir si un collègue a relancé le client depuis moins de",
    jurisdiction: 'Droit applicable aux pénalités',
    'jurisdiction.FR': 'France, entre professionnels',
    'jurisdiction.EU': 'Union européenne (directive 2011/7/UE)',
    'jurisdiction.UK': 'Royaume-Uni (Late Payment Act 1998)',
    'jurisdiction.B2C': 'Particuliers (intérêt légal seul)',
    reminderLanguage: 'Langue des relances par défaut',

    // Options: schedule
    scheduleTitle: 'Calendrier des relances',
    scheduleHelp: "Jours comptés depuis l'échéance (négatif : avant). Une étape désactivée est sautée.",
    stage: 'Étape',
    offsetDays: 'Jours',
    channels: 'Canal',
    enabled: 'Active',
    scheduleOrderError: 'Les jours doivent aller en croissant d’une étape à la suivante.',
    scheduleEmptyError: 'Gardez au moins une étape active.',

    // Options: templates
    templatesTitle: 'Modèles de relance',
    templatesHelp:
      'Écrivez votre texte ; les champs entre crochets, comme [Nom du client] ou [Montant dû], sont remplacés pour chaque client. Ajoutez-les avec les boutons sous le message.',
    templateInsertField: 'Insérer un champ',
    previewUnsigned: 'Vos relances seront signées de votre nom : renseignez-le dans « Mon profil ».',
    templateInsertSection: 'Texte sous condition',
    templateSectionHelp:
      'Sélectionnez du texte puis une condition : ce texte ne sera gardé que si elle est vraie (par exemple une phrase pour une seule facture, une autre pour plusieurs).',
    templateUnknownFields:
      'Ces crochets ne sont pas des champs et partiront tels quels chez le client : {fields}.',
    templateLanguage: 'Langue du modèle',
    subject: 'Objet',
    body: 'Message',
    preview: 'Aperçu sur une facture exemple',
    resetTemplate: 'Revenir au modèle par défaut',
    customTemplate: 'Modèle personnalisé',
    defaultTemplateNote: 'Modèle par défaut',
    templateHasErrors: 'Corrigez le modèle avant de l’enregistrer.',

    // Options: sites
    sitesTitle: 'Sites où Relance travaille',
    sitesHelp:
      'Relance fonctionne déjà sur localhost et 127.0.0.1. Ajoutez l’adresse de votre outil de facturation : le navigateur vous demandera l’autorisation pour ce site seulement.',
    siteInput: 'Adresse du site (ex. factures.mon-outil.fr)',
    addSite: 'Ajouter ce site',
    siteGranted: 'actif',
    siteNotGranted: 'autorisation retirée dans le navigateur',
    siteNotRegistered: 'en attente',
    noSites: 'Aucun site ajouté.',
    permissionRefused: "L'autorisation n'a pas été accordée : le site n'est pas ajouté.",
    siteAdded: 'Site ajouté. Rechargez ses pages déjà ouvertes pour que Relance s’y lance.',

    // Errors from the background, by code
    'error.invalid-server-url': "Cette adresse de serveur n'est pas valable.",
    'error.server-unreachable': 'Le serveur ne répond pas. Vérifiez l’adresse et votre connexion.',
    'error.invalid-invite': "Ce code d'invitation est inconnu, déjà utilisé ou expiré.",
    'error.unauthorized': "Le serveur refuse l'accès.",
    'error.server-refused': 'Le serveur a refusé : {message}',
    'error.already-signed-in': 'Déconnectez-vous d’abord de l’équipe actuelle.',
    'error.not-signed-in': "Vous n'êtes dans aucune équipe.",
    'error.dashboard-not-allowed':
      "Le tableau de bord est réservé au propriétaire et aux responsables de l'équipe.",
    'error.permission-denied': "Relance n'a pas l'autorisation pour ce site.",
    'error.invalid-site': "Cette adresse de site n'est pas valable.",
    'error.invalid-settings': 'Paramètres refusés : {message}',
    'error.settings-not-allowed':
      "Seuls les propriétaires et responsables de l'équipe peuvent modifier ces réglages.",
    'error.unknown': 'Une erreur est survenue : {message}',
  },
  en: {
    appName: 'Relance',
    loading: 'Loading…',
    save: 'Save',
    saved: 'Saved.',
    cancel: 'Cancel',
    remove: 'Remove',
    add: 'Add',
    openOptions: 'Options',

    todayTitle: 'Today',
    todayNothing: 'Nothing to chase today.',
    todayDueOne: '1 reminder to send',
    todayDueMany: '{count} reminders to send',
    overdueTotal: 'Overdue: {amount}',
    overdueInvoicesOne: '1 invoice',
    overdueInvoicesMany: '{count} invoices',
    overdueNone: 'No overdue invoices.',
    nothingSeenYet:
      'No invoice seen yet. Open the invoice list of your invoicing site: Relance reads it and shows what is late.',
    seeAll: 'See all ({count} clients)',
    seeAllDashboard: 'See all in the dashboard',
    moreInvoices: '+ {count} more invoices',
    invoiceAmount: '{amount}',
    teachThisSite: 'Teach this site',
    siteNotUnderstood:
      'Relance recognises no invoice on this page. Show it where the invoices are: nothing leaves your browser.',
    siteNotUnderstoodTeach: 'Teach Relance this site',
    webmailHealthLine: 'Relance no longer recognises {what} on {webmail}.',
    webmailHealthRecipients: 'the recipients',
    webmailHealthSend: 'the Send button',
    webmailHealthAnd: ' nor ',
    webmailHealthSeen: 'Seen {count} times, last on {date}.',
    webmailHealthHint: 'The report holds tag and attribute names only: no text from your mail.',
    webmailHealthCopy: 'Copy the report',
    webmailHealthCopied: 'Report copied.',
    webmailHealthClear: 'Clear',
    teachStarted: 'Teach mode started: click the page to show Relance where the invoices are.',
    teachReload:
      'Relance is not running in this tab yet ({host}): reload the page, then click “Teach this site” again.',
    teachNotRunningOn:
      'Relance does not run on {host} yet. Add this site (the browser will ask your permission), reload the page, then teach it.',
    teachNotRunning:
      "Relance does not run on this page. Add your invoicing tool's site in the options, reload the page, then teach it.",
    teachNotAPage: "Teach mode works on your invoicing tool's pages, not on the browser's own pages.",
    teachAddSite: 'Add {host}…',
    teachAddASite: 'Add a site…',

    syncTitle: 'Sync',
    syncNow: 'Sync now',
    syncRunning: 'Syncing…',
    syncLocalOnly: 'Local mode: your data stays on this computer. Join a team in the options to share it.',
    syncLocalOnlyBelow:
      'Local mode: your data stays on this computer. To share it, create or join a team below.',
    syncTeam: 'Team “{team}”, signed in as {person}.',
    syncDone: 'Last sync: {when}.',
    syncNever: 'Not synced with the server yet.',
    syncPendingOne: '1 change is waiting to be sent.',
    syncPendingMany: '{count} changes are waiting to be sent.',
    syncAllSent: 'Everything is sent.',
    syncRetryAt: 'Next automatic try {when}.',
    'syncError.offline':
      'The server cannot be reached (no network, or the server is down). Your changes are kept and will go out once the connection is back.',
    'syncError.server': 'The server is having trouble. Your changes are kept; Relance will try again.',
    'syncError.unauthorized':
      'The server no longer accepts this access (revoked or expired). Sign out, then join the team again.',
    'syncError.rejected-batch': 'The server refused the upload ({message}).',
    'syncError.extension-outdated':
      'This version of Relance is too old for your team’s server: update the extension. Your changes are kept.',
    'syncError.server-outdated':
      'Your team’s server is older than this version of Relance: ask its administrator to update it. Your changes are kept.',
    'syncError.unknown': 'Unexpected error while syncing ({message}).',
    setAsideTitle: 'Changes set aside',
    setAsideOne: '1 change was set aside — see the options.',
    setAsideMany: '{count} changes were set aside — see the options.',
    'setAside.rejected': 'refused by the server',
    'setAside.stale': 'overtaken by a newer edit (text kept)',
    'setAside.unreadable': 'unreadable by this version',

    optionsTitle: 'Relance options',
    languageTitle: 'Language',
    languageLabel: 'Interface language',
    'language.fr': 'Français',
    'language.en': 'English',
    accountTitle: 'Team and server',
    serverUrl: 'Server address',
    serverUrlHelp:
      'For example https://relance.my-company.com — without a server, Relance works in local mode.',
    createTeamTitle: 'Create a team',
    teamName: 'Team name',
    yourName: 'Your name',
    createTeam: 'Create the team',
    joinTeamTitle: 'Join a team',
    inviteCode: 'Invite code',
    joinTeam: 'Join',
    signedInAs: '{person} ({role}) in team “{team}”',
    'role.owner': 'owner',
    'role.lead': 'lead',
    'role.member': 'member',
    createInvite: 'Create an invite code',
    inviteCreated: 'Code: {code} (valid until {expires})',
    inviteRole: 'Role of the person invited',
    inviteMessageLabel: 'Message ready to send',
    inviteMessage:
      'Hello,\n\nJoin our team “{team}” on Relance, to follow up late invoices together.\n\n1. Install the Relance extension in your browser.\n2. Open this link, or in Relance’s options choose “Join a team”:\n{link}\n   Server address: {server}\n   Invite code: {code} (valid until {expires})\n\n{person}',
    copyInvite: 'Copy the message',
    inviteCopied: 'Message copied: paste it into an email or a chat.',
    serverNotRelance:
      'This address answers, but it is not a Relance server. Check the address your team gave you.',
    serverUnreachable:
      'No server answers at this address. Check the address and your connection, or that the server is running.',
    dataConsentRefused:
      'Without your consent to send this data to your team’s server, Relance stays on this browser.',
    dashboardLink: 'Dashboard',
    dashboardCopyToken: 'Copy my sign-in token',
    dashboardHelp:
      "The link opens the team's dashboard and signs you in. To sign in from another browser, copy your token and paste it on its sign-in page: it gives access to the team, do not share it.",
    dashboardTokenCopied:
      "Token copied. Paste it on the dashboard's sign-in page, then clear your clipboard if need be.",
    dashboardOpenedPaste:
      'The dashboard opened on its sign-in page: copy your token here, then paste it there.',
    dashboardLeadsOnly: "The team's dashboard is for its owner and leads.",
    signOut: 'Sign out',
    confirmDiscard: '{count} change(s) have not been sent yet and will be lost. Sign out anyway?',

    teamSettingsTitle: 'Team settings',
    readOnlySettings: "The team's settings: only its owners and leads can change them.",
    companyName: 'Company name',
    senderName: 'Reminders signed by',
    companyAddress: 'Company address (for letters)',
    quietPeriod: 'Warning period (days): warn when a teammate reminded the client less than this ago',
    jurisdiction: 'Law for late-payment penalties',
    'jurisdiction.FR': 'France, business to business',
    'jurisdiction.EU': 'European Union (Directive 2011/7/EU)',
    'jurisdiction.UK': 'United Kingdom (Late Payment Act 1998)',
    'jurisdiction.B2C': 'Consumers (legal interest only)',
    reminderLanguage: 'Default reminder language',

    scheduleTitle: 'Reminder schedule',
    scheduleHelp: 'Days counted from the due date (negative: before it). A disabled step is skipped.',
    stage: 'Step',
    offsetDays: 'Days',
    channels: 'Channel',
    enabled: 'On',
    scheduleOrderError: 'Days must increase from one step to the next.',
    scheduleEmptyError: 'Keep at least one step on.',

    templatesTitle: 'Reminder templates',
    templatesHelp:
      'Write your text; the fields in brackets, such as [Client name] or [Amount due], are filled in for each client. Add them with the buttons below the message.',
    templateInsertField: 'Insert a field',
    previewUnsigned: 'Your reminders will be signed with your name: fill it in under “My profile”.',
    templateInsertSection: 'Conditional text',
    templateSectionHelp:
      'Select some text, then a condition: that text is kept only when it holds (for instance one sentence for a single invoice, another for several).',
    templateUnknownFields: 'These brackets are not fields and will reach the client as written: {fields}.',
    templateLanguage: 'Template language',
    subject: 'Subject',
    body: 'Message',
    preview: 'Preview on a sample invoice',
    resetTemplate: 'Back to the default template',
    customTemplate: 'Custom template',
    defaultTemplateNote: 'Default template',
    templateHasErrors: 'Fix the template before saving it.',

    sitesTitle: 'Sites where Relance works',
    sitesHelp:
      'Relance already works on localhost and 127.0.0.1. Add the address of your invoicing tool: the browser will ask your permission for that site only.',
    siteInput: 'Site address (e.g. invoices.my-tool.com)',
    addSite: 'Add this site',
    siteGranted: 'active',
    siteNotGranted: 'permission withdrawn in the browser',
    siteNotRegistered: 'pending',
    noSites: 'No site added.',
    permissionRefused: 'The permission was not granted: the site was not added.',
    siteAdded: 'Site added. Reload its pages already open for Relance to start there.',

    'error.invalid-server-url': 'This server address is not valid.',
    'error.server-unreachable': 'The server does not answer. Check the address and your connection.',
    'error.invalid-invite': 'This invite code is unknown, already used or expired.',
    'error.unauthorized': 'The server refuses access.',
    'error.server-refused': 'The server refused: {message}',
    'error.already-signed-in': 'Sign out of the current team first.',
    'error.not-signed-in': 'You are not in a team.',
    'error.dashboard-not-allowed': "The dashboard is for the team's owner and leads.",
    'error.permission-denied': 'Relance has no permission for this site.',
    'error.invalid-site': 'This site address is not valid.',
    'error.invalid-settings': 'Settings refused: {message}',
    'error.settings-not-allowed': "Only the team's owners and leads can change these settings.",
    'error.unknown': 'Something went wrong: {message}',
  },
} as const;

export type UiKey = keyof (typeof MESSAGES)['fr'];
export type UiTranslator = Translator<UiKey>;

export function uiTranslator(lang: Language): UiTranslator {
  return createTranslator<UiKey>(MESSAGES, lang);
}

/** `count` picks the singular or plural key (French and English both: 1 vs the rest, 0 plural). */
/** The count is written the local way (`2 757`), like every number a person reads. */
export function plural(t: UiTranslator, count: number, one: UiKey, many: UiKey): string {
  return count === 1 ? t(one) : t(many, { count: new Intl.NumberFormat(t.lang).format(count) });
}

/** The text for an error code from the background; unknown codes fall back to the generic one. */
export function errorText(t: UiTranslator, error: { code?: string; message?: string }): string {
  const key = `error.${error.code}` as UiKey;
  const message = error.message ?? '';
  return key in MESSAGES[t.lang] ? t(key, { message }) : t('error.unknown', { message });
}

export function hasKey(lang: Language, key: string): key is UiKey {
  return key in MESSAGES[lang];
}
