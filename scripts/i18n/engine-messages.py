# One-off helper (kept for the record of the engine's namespaces): merges the engine's messages
# into messages/{en,fr,ar}.json, keeping every file in en.json's key order.
import json, collections

def load(p):
    return json.load(open(p), object_pairs_hook=collections.OrderedDict)

AR_PLURAL = lambda zero, one, two, few, many, other, var="count": "{%s, plural, zero {%s} one {%s} two {%s} few {%s} many {%s} other {%s}}" % (var, zero, one, two, few, many, other)

bodies = {
  "municipality-haidra": ("Municipality of Haidra", "Commune de Haïdra", "بلدية حيدرة"),
  "steg": ("STEG (electricity and gas)", "STEG (électricité et gaz)", "الشركة التونسية للكهرباء والغاز"),
  "sonede": ("SONEDE (water)", "SONEDE (eau)", "الشركة الوطنية لاستغلال وتوزيع المياه"),
  "cnam": ("CNAM (health insurance)", "CNAM (assurance maladie)", "الصندوق الوطني للتأمين على المرض"),
  "cnss": ("CNSS (social security)", "CNSS (sécurité sociale)", "الصندوق الوطني للضمان الاجتماعي"),
  "cnrps": ("CNRPS (public pensions)", "CNRPS (retraites du secteur public)", "الصندوق الوطني للتقاعد والحيطة الاجتماعية"),
  "la-poste": ("La Poste Tunisienne", "La Poste Tunisienne", "البريد التونسي"),
  "tax-offices": ("Tax collection offices", "Recettes des finances", "القباضات المالية"),
  "tunisie-telecom": ("Tunisie Telecom", "Tunisie Télécom", "اتصالات تونس"),
  "aneti": ("ANETI (employment)", "ANETI (emploi)", "الوكالة الوطنية للتشغيل والعمل المستقل"),
}

# (en, fr, ar)
M = collections.OrderedDict()
def put(path, en, fr, ar):
    M[path] = (en, fr, ar)

# ── Cases ──
for k, v in [
  ("received", ("Received", "Reçue", "وصلت")),
  ("inProgress", ("Being handled", "En cours de traitement", "بصدد المعالجة")),
  ("answered", ("Answered", "Répondue", "تمت الإجابة")),
  ("closed", ("Closed", "Clôturée", "مغلقة")),
  ("withdrawn", ("Withdrawn", "Retirée", "تم سحبها")),
  ("unknown", ("Unknown", "Inconnu", "غير معروفة")),
]: put(f"Cases.status.{k}", *v)
for k, v in [
  ("startWork", ("Start handling", "Commencer le traitement", "بدء المعالجة")),
  ("answer", ("Answer and close", "Répondre et clôturer", "الإجابة والغلق")),
  ("close", ("Close without answer", "Clôturer sans réponse", "الغلق دون إجابة")),
  ("withdraw", ("Withdraw my request", "Retirer ma demande", "سحب مطلبي")),
  ("reopen", ("Reopen", "Rouvrir", "إعادة الفتح")),
]: put(f"Cases.actions.{k}", *v)
for k, v in [
  ("unknownKind", ("This kind of request does not exist.", "Ce type de demande n'existe pas.", "هذا النوع من المطالب غير موجود.")),
  ("citizensOnly", ("Only the citizen concerned can send this.", "Seul le citoyen concerné peut envoyer ceci.", "لا يمكن إرسال هذا إلا من قبل المواطن المعني.")),
  ("notFound", ("We could not find this request.", "Nous n'avons pas trouvé cette demande.", "لم نجد هذا المطلب.")),
  ("transitionNotAllowed", ("This change is not possible in the current status. Reload the page.", "Ce changement n'est pas possible dans l'état actuel. Rechargez la page.", "هذا التغيير غير ممكن في الحالة الحالية. أعد تحميل الصفحة.")),
  ("messageRequired", ("Enter a message.", "Saisissez un message.", "اكتب رسالة.")),
  ("messageTooLong", ("The message must be 5,000 characters or fewer.", "Le message doit faire 5 000 caractères au plus.", "يجب ألا تتجاوز الرسالة 5000 حرف.")),
  ("closed", ("This request is closed.", "Cette demande est clôturée.", "هذا المطلب مغلق.")),
  ("adjustmentNotAllowed", ("This deadline cannot be changed this way.", "Ce délai ne peut pas être modifié ainsi.", "لا يمكن تغيير هذا الأجل بهذه الطريقة.")),
]: put(f"Cases.errors.{k}", *v)
put("Cases.deadline.dueBy", "Answer expected by {date}", "Réponse attendue au plus tard le {date}", "الإجابة منتظرة في أجل أقصاه {date}")
put("Cases.deadline.overdue", "Overdue", "Délai dépassé", "تجاوز الأجل")
put("Cases.deadline.dueSoon", "Due soon", "Échéance proche", "الأجل قريب")
put("Cases.deadline.paused", "Deadline paused", "Délai suspendu", "الأجل معلّق")
for k, v in [
  ("submitted", ("Sent electronically", "Envoyée par voie électronique", "تم الإرسال الإلكتروني")),
  ("statusChanged", ("Status: {status}", "État : {status}", "الحالة: {status}")),
  ("reply", ("Reply from {body}", "Réponse de : {body}", "ردّ من {body}")),
  ("note", ("Internal note", "Note interne", "ملاحظة داخلية")),
  ("citizenMessage", ("Your message", "Votre message", "رسالتك")),
  ("citizenMessageStaff", ("Message from the citizen", "Message du citoyen", "رسالة من المواطن")),
  ("viewed", ("Seen by {who} of {body}", "Consultée par {who} ({body})", "اطّلع عليه {who} من {body}")),
  ("deadlineAdjusted", ("Deadline changed", "Délai modifié", "تم تغيير الأجل")),
  ("dueSoon", ("Deadline approaching", "Échéance proche", "اقتراب الأجل")),
  ("by", ("by {name}", "par {name}", "من قبل {name}")),
  ("internal", ("staff only", "réservé aux agents", "للأعوان فقط")),
]: put(f"Cases.events.{k}", *v)
put("Cases.roles.agent", "an agent", "un agent", "عون")
put("Cases.roles.official", "an official", "un responsable", "مسؤول")
put("Cases.roles.admin", "an administrator", "un administrateur", "مشرف")
for k, v in [
  ("reference", ("Reference", "Référence", "المرجع")),
  ("kind", ("Kind", "Type", "النوع")),
  ("body", ("Public body", "Organisme public", "الهيكل العمومي")),
  ("status", ("Status", "État", "الحالة")),
  ("submittedAt", ("Date of electronic sending", "Date d'envoi électronique", "تاريخ الإرسال الإلكتروني")),
  ("deadline", ("Deadline", "Délai", "الأجل")),
]: put(f"Cases.summary.{k}", *v)
put("Cases.views.heading", "Seen by the administration", "Consultations par l'administration", "اطّلاع الإدارة")
put("Cases.views.seenBy", "Seen by {who} of {body} on {date}", "Consultée par {who} ({body}) le {date}", "اطّلع عليه {who} من {body} بتاريخ {date}")
put("Cases.details", "What you sent", "Ce que vous avez envoyé", "ما أرسلته")
put("Cases.timeline", "History", "Historique", "المسار")
put("Cases.sent.title", "Your request has been sent", "Votre demande a été envoyée", "تم إرسال مطلبك")
put("Cases.sent.reference", "Your reference is", "Votre référence est", "مرجعك هو")
put("Cases.sent.next", "Keep this reference: it lets you follow your request. We will tell you when the administration answers.", "Gardez cette référence : elle permet de suivre votre demande. Nous vous préviendrons quand l'administration répondra.", "احتفظ بهذا المرجع: يمكّنك من متابعة مطلبك. سنعلمك عندما تجيب الإدارة.")
put("Cases.done", "Done.", "C'est fait.", "تم.")
put("Cases.citizen.addHeading", "Add information", "Ajouter une information", "إضافة معلومة")
put("Cases.citizen.messageLabel", "Your message to the administration", "Votre message à l'administration", "رسالتك إلى الإدارة")
put("Cases.citizen.messageHint", "For example a detail you forgot. Do not give card numbers or codes.", "Par exemple un détail oublié. Ne donnez ni numéro de carte ni code.", "مثلاً تفصيل نسيته. لا تكتب أرقام بطاقات أو رموزاً سرية.")
put("Cases.citizen.send", "Send the message", "Envoyer le message", "إرسال الرسالة")
for k, (en, fr, ar) in bodies.items(): put(f"Cases.bodies.{k}", en, fr, ar)

# ── MyFile ──
for k, v in [
  ("title", ("My file", "Mon dossier", "ملفي")),
  ("lead", ("Everything you have sent to the administration, newest first.", "Tout ce que vous avez envoyé à l'administration, du plus récent au plus ancien.", "كل ما أرسلته إلى الإدارة، من الأحدث إلى الأقدم.")),
  ("askQuestion", ("Ask a public body a question", "Poser une question à un organisme", "طرح سؤال على هيكل عمومي")),
  ("inbox", ("Notifications", "Notifications", "الإشعارات")),
  ("unsent", ("Not sent yet", "Pas encore envoyé", "لم يُرسل بعد")),
  ("partial", ("Part of your file could not be shown. Try again in a few minutes.", "Une partie de votre dossier n'a pas pu être affichée. Réessayez dans quelques minutes.", "تعذّر عرض جزء من ملفك. أعد المحاولة بعد دقائق.")),
  ("listHeading", ("Your requests", "Vos demandes", "مطالبك")),
  ("empty", ("You have not sent anything yet.", "Vous n'avez encore rien envoyé.", "لم ترسل أي شيء بعد.")),
  ("reference", ("Reference", "Référence", "المرجع")),
  ("status", ("Status", "État", "الحالة")),
  ("sentOn", ("Sent on", "Envoyée le", "أُرسل بتاريخ")),
  ("deadline", ("Deadline", "Délai", "الأجل")),
  ("breadcrumbs", ("You are here", "Vous êtes ici", "أنت هنا")),
]: put(f"MyFile.{k}", *v)

# ── Question ──
for k, v in [
  ("title", ("Ask a public body a question", "Poser une question à un organisme public", "طرح سؤال على هيكل عمومي")),
  ("lead", ("The body answers here, in your file, within 15 days. You will be told when it answers.", "L'organisme répond ici, dans votre dossier, sous 15 jours. Vous serez prévenu de sa réponse.", "يجيب الهيكل هنا، في ملفك، في أجل 15 يوماً. ستصلك إشارة عند الإجابة.")),
  ("kindName", ("Question to a public body", "Question à un organisme public", "سؤال إلى هيكل عمومي")),
  ("fields.bodyId", ("Which body is your question for?", "À quel organisme s'adresse votre question ?", "إلى أي هيكل تتوجه بسؤالك؟")),
  ("fields.subject", ("Subject", "Objet", "الموضوع")),
  ("fields.question", ("Your question", "Votre question", "سؤالك")),
  ("bodyHint", ("Choose the body that provides the service.", "Choisissez l'organisme qui fournit le service.", "اختر الهيكل الذي يقدم الخدمة.")),
  ("bodyPlaceholder", ("Choose a body", "Choisissez un organisme", "اختر هيكلاً")),
  ("subjectHint", ("A few words, for example: new water meter.", "Quelques mots, par exemple : nouveau compteur d'eau.", "بضع كلمات، مثلاً: عدّاد ماء جديد.")),
  ("questionHint", ("Explain what you want to know. Do not give card numbers or secret codes.", "Expliquez ce que vous voulez savoir. Ne donnez ni numéro de carte ni code secret.", "اشرح ما تريد معرفته. لا تكتب أرقام بطاقات أو رموزاً سرية.")),
  ("submit", ("Send the question", "Envoyer la question", "إرسال السؤال")),
  ("sending", ("Sending…", "Envoi…", "جارٍ الإرسال…")),
  ("errorPrefix", ("Error:", "Erreur :", "خطأ:")),
  ("errors.bodyRequired", ("Choose the body your question is for.", "Choisissez l'organisme concerné.", "اختر الهيكل المعني بسؤالك.")),
  ("errors.subjectRequired", ("Enter a subject.", "Saisissez un objet.", "اكتب الموضوع.")),
  ("errors.subjectTooLong", ("The subject must be 120 characters or fewer.", "L'objet doit faire 120 caractères au plus.", "يجب ألا يتجاوز الموضوع 120 حرفاً.")),
  ("errors.questionRequired", ("Enter your question.", "Saisissez votre question.", "اكتب سؤالك.")),
  ("errors.questionTooShort", ("Your question must be at least 10 characters.", "Votre question doit faire au moins 10 caractères.", "يجب أن يتكون سؤالك من 10 أحرف على الأقل.")),
  ("errors.questionTooLong", ("Your question must be 3,000 characters or fewer.", "Votre question doit faire 3 000 caractères au plus.", "يجب ألا يتجاوز سؤالك 3000 حرف.")),
]: put(f"Question.{k}", *v)

# ── Outbox ──
for k, v in [
  ("draftNote", ("What you type is kept on this phone until it is sent.", "Ce que vous saisissez est gardé sur ce téléphone jusqu'à l'envoi.", "ما تكتبه يُحفظ في هذا الهاتف إلى حين إرساله.")),
  ("refused", ("It could not be sent as it is. Check it and send it again.", "L'envoi a été refusé. Vérifiez et envoyez à nouveau.", "تعذّر الإرسال كما هو. راجعه وأعد إرساله.")),
  ("queuedTitle", ("Saved on your phone, not sent yet", "Enregistré sur votre téléphone, pas encore envoyé", "محفوظ في هاتفك، لم يُرسل بعد")),
  ("queuedBody", ("There is no connection right now. It will be sent by itself when the network returns, and you will get a reference.", "Il n'y a pas de connexion pour le moment. L'envoi se fera tout seul au retour du réseau, et vous recevrez une référence.", "لا يوجد اتصال حالياً. سيُرسل تلقائياً عند عودة الشبكة وستحصل على مرجع.")),
  ("unsentLink", ("See what is waiting on this phone", "Voir ce qui attend sur ce téléphone", "عرض ما ينتظر الإرسال في هذا الهاتف")),
  ("sentTitle", ("Sent", "Envoyé", "تم الإرسال")),
  ("sentBody", ("Your reference is", "Votre référence est", "مرجعك هو")),
  ("openCase", ("Open your request", "Ouvrir votre demande", "فتح مطلبك")),
  ("refusedTitle", ("Not sent", "Non envoyé", "لم يُرسل")),
  ("unsentTitle", ("Not sent yet", "Pas encore envoyé", "لم يُرسل بعد")),
  ("unsentLead", ("These are kept on this phone only, and sent when the network returns. Deleting one deletes it for good.", "Ces envois sont gardés sur ce téléphone uniquement, et partent au retour du réseau. Supprimer un envoi le supprime définitivement.", "هذه محفوظة في هذا الهاتف فقط، وتُرسل عند عودة الشبكة. حذف أحدها يحذفه نهائياً.")),
  ("empty", ("Nothing is waiting on this phone.", "Rien n'attend sur ce téléphone.", "لا شيء ينتظر الإرسال في هذا الهاتف.")),
  ("unavailable", ("This browser cannot keep things to send later. Send your requests when you are connected.", "Ce navigateur ne peut pas garder d'envois pour plus tard. Envoyez vos demandes quand vous êtes connecté.", "هذا المتصفح لا يستطيع حفظ المطالب لإرسالها لاحقاً. أرسل مطالبك عندما تكون متصلاً.")),
  ("waiting", ("Waiting for the network", "En attente du réseau", "في انتظار الشبكة")),
  ("refusedItem", ("Needs correcting before it can be sent", "À corriger avant l'envoi", "يجب تصحيحه قبل الإرسال")),
  ("savedOn", ("Saved on {date}", "Enregistré le {date}", "حُفظ بتاريخ {date}")),
  ("sendNow", ("Try to send now", "Essayer d'envoyer maintenant", "محاولة الإرسال الآن")),
  ("correct", ("Correct it", "Corriger", "تصحيحه")),
  ("remove", ("Delete from this phone", "Supprimer de ce téléphone", "حذف من هذا الهاتف")),
  ("removeConfirm", ("Delete it from this phone? It has not been sent.", "Le supprimer de ce téléphone ? Il n'a pas été envoyé.", "حذفه من هذا الهاتف؟ لم يتم إرساله.")),
  ("untitled", ("Without a subject", "Sans objet", "دون موضوع")),
  ("waitingNotice", ("Some of your requests are saved on this phone and not sent yet.", "Certaines de vos demandes sont sur ce téléphone et pas encore envoyées.", "بعض مطالبك محفوظة في هذا الهاتف ولم تُرسل بعد.")),
  ("errors.badKey", ("This form has expired. Reload the page and send it again.", "Ce formulaire a expiré. Rechargez la page et envoyez à nouveau.", "انتهت صلاحية هذه الاستمارة. أعد تحميل الصفحة وأرسلها من جديد.")),
  ("errors.keyReused", ("This form was already sent with other answers. Reload the page to send a new one.", "Ce formulaire a déjà été envoyé avec d'autres réponses. Rechargez la page pour en envoyer un nouveau.", "سبق إرسال هذه الاستمارة بإجابات أخرى. أعد تحميل الصفحة لإرسال استمارة جديدة.")),
]: put(f"Outbox.{k}", *v)

# ── Inbox ──
for k, v in [
  ("title", ("Notifications", "Notifications", "الإشعارات")),
  ("lead", ("What the administration has done about your requests.", "Ce que l'administration a fait de vos demandes.", "ما قامت به الإدارة بخصوص مطالبك.")),
  ("empty", ("You have no notifications.", "Vous n'avez aucune notification.", "ليست لديك إشعارات.")),
  ("new", ("New", "Nouveau", "جديد")),
  ("headerLink", ("Notifications", "Notifications", "الإشعارات")),
  ("unread", ("{count, plural, one {# unread} other {# unread}}", "{count, plural, one {# non lue} other {# non lues}}", AR_PLURAL("لا إشعارات جديدة", "إشعار جديد واحد", "إشعاران جديدان", "# إشعارات جديدة", "# إشعاراً جديداً", "# إشعار جديد"))),
  ("settings", ("Notification settings", "Réglages des notifications", "إعدادات الإشعارات")),
]: put(f"Inbox.{k}", *v)

# ── Notifications ──
types = {
  "caseReceived": (("{kind} received", "{kind} reçue", "تم استلام: {kind}"),
                   ("We received your request. Its reference is {reference}.", "Nous avons reçu votre demande. Sa référence est {reference}.", "استلمنا مطلبك. مرجعه {reference}."),
                   ("Idarti: your request {reference} was received.", "Idarti : votre demande {reference} a été reçue.", "إدارتي: تم استلام مطلبك {reference}.")),
  "caseReply": (("New reply about {reference}", "Nouvelle réponse pour {reference}", "ردّ جديد بخصوص {reference}"),
                ("The administration replied to your {kind}. Open it to read the reply.", "L'administration a répondu à votre demande ({kind}). Ouvrez-la pour lire la réponse.", "ردّت الإدارة على مطلبك ({kind}). افتحه لقراءة الرد."),
                ("Idarti: new reply about {reference}. Read it in your file.", "Idarti : nouvelle réponse pour {reference}. Lisez-la dans votre dossier.", "إدارتي: ردّ جديد بخصوص {reference}. اقرأه في ملفك.")),
  "caseStatusChanged": (("{reference}: {status}", "{reference} : {status}", "{reference}: {status}"),
                        ("The status of your {kind} is now: {status}.", "L'état de votre demande ({kind}) est maintenant : {status}.", "حالة مطلبك ({kind}) أصبحت: {status}."),
                        ("Idarti: {reference} is now: {status}.", "Idarti : {reference} est maintenant : {status}.", "إدارتي: {reference} أصبح: {status}.")),
  "caseDueSoon": (("Answer due soon for {reference}", "Réponse attendue bientôt pour {reference}", "الإجابة على {reference} قريبة الأجل"),
                  ("The deadline for answering your {kind} is near.", "Le délai de réponse à votre demande ({kind}) approche.", "اقترب أجل الإجابة على مطلبك ({kind})."),
                  ("Idarti: the answer to {reference} is due soon.", "Idarti : la réponse à {reference} est attendue bientôt.", "إدارتي: أجل الإجابة على {reference} قريب.")),
  "caseDeadlineChanged": (("New deadline for {reference}", "Nouveau délai pour {reference}", "أجل جديد لـ {reference}"),
                          ("The deadline for answering your {kind} has changed. Open it to see the new date.", "Le délai de réponse à votre demande ({kind}) a changé. Ouvrez-la pour voir la nouvelle date.", "تغيّر أجل الإجابة على مطلبك ({kind}). افتحه لمعرفة التاريخ الجديد."),
                          ("Idarti: new deadline for {reference}.", "Idarti : nouveau délai pour {reference}.", "إدارتي: أجل جديد لـ {reference}.")),
}
for t, (title, body, sms) in types.items():
    put(f"Notifications.types.{t}.title", *title)
    put(f"Notifications.types.{t}.body", *body)
    put(f"Notifications.types.{t}.sms", *sms)
for k, v in [
  ("title", ("Notifications on this phone", "Notifications sur ce téléphone", "الإشعارات على هذا الهاتف")),
  ("lead", ("We always put notifications in your file. You can also get them on this phone, even when Idarti is closed.", "Les notifications sont toujours dans votre dossier. Vous pouvez aussi les recevoir sur ce téléphone, même quand Idarti est fermé.", "نضع الإشعارات دائماً في ملفك. يمكنك أيضاً تلقيها على هذا الهاتف حتى عندما يكون إدارتي مغلقاً.")),
  ("unavailable", ("Notifications on the phone are not available on this service right now.", "Les notifications sur le téléphone ne sont pas disponibles pour le moment.", "الإشعارات على الهاتف غير متاحة حالياً.")),
  ("unsupported", ("This browser cannot receive notifications.", "Ce navigateur ne peut pas recevoir de notifications.", "هذا المتصفح لا يستطيع تلقي الإشعارات.")),
  ("enable", ("Turn on notifications on this phone", "Activer les notifications sur ce téléphone", "تفعيل الإشعارات على هذا الهاتف")),
  ("disable", ("Turn off notifications on this phone", "Désactiver les notifications sur ce téléphone", "إيقاف الإشعارات على هذا الهاتف")),
  ("enabled", ("Notifications are on for this phone.", "Les notifications sont activées sur ce téléphone.", "الإشعارات مفعّلة على هذا الهاتف.")),
  ("disabled", ("Notifications are off for this phone.", "Les notifications sont désactivées sur ce téléphone.", "الإشعارات غير مفعّلة على هذا الهاتف.")),
  ("denied", ("You blocked notifications for Idarti in this browser. Allow them in the browser's site settings.", "Vous avez bloqué les notifications d'Idarti dans ce navigateur. Autorisez-les dans les réglages du site.", "لقد منعت إشعارات إدارتي في هذا المتصفح. اسمح بها من إعدادات الموقع في المتصفح.")),
  ("failed", ("It did not work. Try again in a few minutes.", "Cela n'a pas fonctionné. Réessayez dans quelques minutes.", "لم ينجح ذلك. أعد المحاولة بعد دقائق.")),
  ("noJs", ("Turning notifications on needs JavaScript.", "L'activation des notifications nécessite JavaScript.", "يتطلب تفعيل الإشعارات تشغيل جافاسكريبت.")),
  ("openFile", ("Open my file", "Ouvrir mon dossier", "فتح ملفي")),
]: put(f"Notifications.settings.{k}", *v)

# ── StaffQueue ──
for k, v in [
  ("title", ("Work queue", "File de travail", "قائمة العمل")),
  ("lead", ("Requests for {body}, overdue first.", "Demandes pour : {body}, les délais dépassés en premier.", "المطالب الموجهة إلى {body}، بدءاً بالتي تجاوزت أجلها.")),
  ("allBodies", ("all bodies", "tous les organismes", "كل الهياكل")),
  ("filtersLabel", ("Filter the queue", "Filtrer la file", "تصفية القائمة")),
  ("statusFilter", ("Status", "État", "الحالة")),
  ("apply", ("Show", "Afficher", "عرض")),
  ("filters.open", ("Open (not closed)", "Ouvertes (non clôturées)", "المفتوحة (غير المغلقة)")),
  ("filters.all", ("All", "Toutes", "الكل")),
  ("filters.closed", ("Closed", "Clôturées", "المغلقة")),
  ("count", ("{count, plural, =0 {No request} one {# request} other {# requests}}", "{count, plural, =0 {Aucune demande} one {# demande} other {# demandes}}", AR_PLURAL("لا توجد مطالب", "مطلب واحد", "مطلبان", "# مطالب", "# مطلباً", "# مطلب"))),
  ("tableCaption", ("Requests for {body}", "Demandes pour : {body}", "المطالب الموجهة إلى {body}")),
  ("empty", ("No request matches.", "Aucune demande ne correspond.", "لا يوجد مطلب مطابق.")),
  ("columns.reference", ("Reference", "Référence", "المرجع")),
  ("columns.subject", ("Subject", "Objet", "الموضوع")),
  ("columns.status", ("Status", "État", "الحالة")),
  ("columns.submitted", ("Sent on", "Envoyée le", "تاريخ الإرسال")),
  ("columns.deadline", ("Deadline", "Délai", "الأجل")),
  ("pagination", ("Pages", "Pages", "الصفحات")),
  ("previous", ("Previous", "Précédente", "السابقة")),
  ("next", ("Next", "Suivante", "التالية")),
  ("pageOf", ("Page {page} of {total}", "Page {page} sur {total}", "الصفحة {page} من {total}")),
]: put(f"StaffQueue.{k}", *v)

# ── StaffCase ──
for k, v in [
  ("breadcrumbs", ("You are here", "Vous êtes ici", "أنت هنا")),
  ("done.reply", ("Your reply was sent to the citizen.", "Votre réponse a été envoyée au citoyen.", "تم إرسال ردّك إلى المواطن.")),
  ("done.note", ("Note added.", "Note ajoutée.", "تمت إضافة الملاحظة.")),
  ("done.status", ("Status changed.", "État modifié.", "تم تغيير الحالة.")),
  ("actHeading", ("Act on this request", "Traiter cette demande", "معالجة هذا المطلب")),
  ("replyLabel", ("Reply to the citizen", "Répondre au citoyen", "الرد على المواطن")),
  ("replyHint", ("The citizen sees this reply and is notified.", "Le citoyen voit cette réponse et en est prévenu.", "يرى المواطن هذا الرد ويتلقى إشعاراً.")),
  ("sendReply", ("Send the reply", "Envoyer la réponse", "إرسال الرد")),
  ("noteLabel", ("Internal note", "Note interne", "ملاحظة داخلية")),
  ("noteHint", ("Only staff see notes.", "Seuls les agents voient les notes.", "الملاحظات يراها الأعوان فقط.")),
  ("addNote", ("Add the note", "Ajouter la note", "إضافة الملاحظة")),
  ("statusHeading", ("Change the status", "Changer l'état", "تغيير الحالة")),
  ("transitionMessage", ("Message to the citizen — {action}", "Message au citoyen — {action}", "رسالة إلى المواطن — {action}")),
  ("transitionMessageHint", ("Required: the citizen reads it with the new status.", "Obligatoire : le citoyen le lit avec le nouvel état.", "إجباري: يقرؤها المواطن مع الحالة الجديدة.")),
]: put(f"StaffCase.{k}", *v)

def setpath(tree, path, value):
    parts = path.split(".")
    for p in parts[:-1]:
        tree = tree.setdefault(p, collections.OrderedDict())
    tree[parts[-1]] = value

files = {"en": 0, "fr": 1, "ar": 2}
for name, idx in files.items():
    p = f"messages/{name}.json"
    data = load(p)
    for path, vals in M.items():
        setpath(data, path, vals[idx])
    json.dump(data, open(p, "w"), ensure_ascii=False, indent=2)
    open(p, "a").write("\n")
print(len(M), "messages")
