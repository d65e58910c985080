# Merges the requests feature's messages into messages/{en,fr,ar}.json (run once after editing;
# kept for the record, like engine-messages.py). Namespaces: Requests, Complaint, Suggestion,
# MunicipalReport, InfoRequest, Appeal, Uploads, PublicReports, StaffRequests, plus a few keys the
# engine's namespaces need for the requests kinds (events, errors, bodies, notifications).
import json, collections

def load(p):
    return json.load(open(p), object_pairs_hook=collections.OrderedDict)

M = collections.OrderedDict()
def put(path, en, fr, ar):
    M[path] = (en, fr, ar)
def group(prefix, rows):
    for k, v in rows:
        put(f"{prefix}.{k}", *v)

# ── Engine namespaces: what the requests kinds add ──
group("Cases.events", [
  ("redirected", ("Sent to {body}, the body that holds it", "Transmise à {body}, l'organisme compétent", "أحيل إلى {body}، الهيكل المختص")),
  ("rated", ("Rated {stars} out of 5", "Note : {stars} sur 5", "التقييم: {stars} من 5")),
  ("epeopleReference", ("e-people reference {reference}", "référence e-people {reference}", "مرجع e-people {reference}")),
])
group("Cases.errors", [
  ("redirectNotAllowed", ("This kind of request cannot be sent to another body.", "Ce type de demande ne peut pas être transmis à un autre organisme.", "لا يمكن إحالة هذا النوع من المطالب إلى هيكل آخر.")),
  ("sameBody", ("Choose another body than the one that holds the request.", "Choisissez un autre organisme que celui qui détient la demande.", "اختر هيكلاً غير الهيكل الذي لديه المطلب.")),
  ("unknownBody", ("Choose a body from the list.", "Choisissez un organisme dans la liste.", "اختر هيكلاً من القائمة.")),
  ("starsRange", ("Choose from 1 to 5 stars.", "Choisissez de 1 à 5 étoiles.", "اختر من 1 إلى 5 نجوم.")),
  ("notClosedYet", ("You can rate the answer once the request is closed.", "Vous pourrez noter la réponse quand la demande sera clôturée.", "يمكنك تقييم الإجابة عند غلق المطلب.")),
  ("alreadyRated", ("You have already rated this answer.", "Vous avez déjà noté cette réponse.", "سبق أن قيّمت هذه الإجابة.")),
])
group("Cases.bodies", [
  ("municipality", ("The municipality", "La commune", "البلدية")),
  ("service-houses", ("Service houses", "Maisons de services", "دور الخدمات")),
])
for k, v in [
  ("caseRedirected", (("{reference} sent to the competent body", "{reference} transmise à l'organisme compétent", "أحيل {reference} إلى الهيكل المختص"),
                      ("Your {kind} was sent to the body that holds the information. Its deadline starts again.", "Votre {kind} a été transmise à l'organisme qui détient l'information. Son délai repart.", "أحيل {kind} إلى الهيكل الذي لديه المعلومة. ينطلق الأجل من جديد."),
                      ("Idarti: {reference} was sent to the competent body.", "Idarti : {reference} transmise à l'organisme compétent.", "إدارتي: أحيل {reference} إلى الهيكل المختص."))),
  ("caseOverdue", (("No answer in time for {reference}", "Pas de réponse dans le délai pour {reference}", "لا إجابة في الأجل عن {reference}"),
                   ("The deadline has passed without an answer to your {kind}. Open it to see what you can do.", "Le délai est passé sans réponse à votre {kind}. Ouvrez-la pour voir ce que vous pouvez faire.", "انقضى الأجل دون إجابة عن {kind}. افتحه لترى ما يمكنك فعله."),
                   ("Idarti: no answer in time for {reference}. You can act now.", "Idarti : pas de réponse dans le délai pour {reference}. Vous pouvez agir.", "إدارتي: لا إجابة في الأجل عن {reference}. يمكنك التحرك الآن."))),
]:
    for part, trio in zip(["title", "body", "sms"], v):
        put(f"Notifications.types.{k}.{part}", *trio)

# ── Requests (shared) ──
group("Requests", [
  ("title", ("Complaints, suggestions and requests", "Réclamations, suggestions et demandes", "الشكاوى والمقترحات والمطالب")),
  ("lead", ("Tell a public body about a problem, suggest an improvement, report a problem in your street, or ask for information the administration holds.", "Signalez un problème à un organisme public, proposez une amélioration, signalez un problème dans votre rue ou demandez une information détenue par l'administration.", "أعلم هيكلاً عمومياً بمشكل، اقترح تحسيناً، أبلغ عن مشكل في حيّك، أو اطلب معلومة لدى الإدارة.")),
  ("choose.complaint", ("Make a complaint", "Faire une réclamation", "تقديم شكوى")),
  ("choose.complaintHint", ("Something went wrong with a service of a public body or the municipality.", "Un service d'un organisme public ou de la commune ne s'est pas bien passé.", "خدمة لهيكل عمومي أو للبلدية لم تتم كما يجب.")),
  ("choose.suggestion", ("Make a suggestion", "Faire une suggestion", "تقديم مقترح")),
  ("choose.suggestionHint", ("An idea to improve a service.", "Une idée pour améliorer un service.", "فكرة لتحسين خدمة.")),
  ("choose.municipalReport", ("Report a problem in the street", "Signaler un problème dans la rue", "الإبلاغ عن مشكل في الطريق")),
  ("choose.municipalReportHint", ("Waste, lighting, roads, leaks, stray animals, noise.", "Déchets, éclairage, voirie, fuites, animaux errants, bruit.", "الفضلات، التنوير، الطرقات، التسربات، الحيوانات السائبة، الضجيج.")),
  ("choose.infoRequest", ("Ask for information (access to information)", "Demander une information (accès à l'information)", "طلب النفاذ إلى المعلومة")),
  ("choose.infoRequestHint", ("Law 2016-22: any person may ask, without giving a reason. Answer within 20 days.", "Loi 2016-22 : toute personne peut demander, sans donner de motif. Réponse sous 20 jours.", "القانون 2016-22: لكل شخص أن يطلب دون ذكر السبب. الإجابة في أجل 20 يوماً.")),
  ("publicReports", ("See the problems reported in your delegation", "Voir les problèmes signalés dans votre délégation", "اطّلع على المشاكل المبلّغ عنها في معتمديتك")),
  ("errorPrefix", ("Error:", "Erreur :", "خطأ:")),
  ("continue", ("Continue", "Continuer", "مواصلة")),
  ("change", ("Change", "Modifier", "تغيير")),
  ("sending", ("Sending…", "Envoi…", "جارٍ الإرسال…")),
  ("hideName", ("Keep my name out of anything public", "Ne pas afficher mon nom publiquement", "عدم إظهار اسمي في أي شيء منشور")),
  ("hideNameHint", ("The body still sees your name to answer you.", "L'organisme voit quand même votre nom pour vous répondre.", "يرى الهيكل اسمك رغم ذلك ليجيبك.")),
  ("serviceLevel", ("{body} answers this kind of {kind} within {days, plural, one {# day} other {# days}}.", "{body} répond à ce type de {kind} sous {days, plural, one {# jour} other {# jours}}.", "يجيب {body} عن هذا النوع من {kind} في أجل {days, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يوماً} other {# يوم}}.")),
  ("dueBy", ("Answer due by {date}", "Réponse attendue au plus tard le {date}", "الإجابة منتظرة في أجل أقصاه {date}")),
  ("next.heading", ("What happens next", "Et ensuite", "ماذا بعد")),
  ("next.body", ("The body reads your request and answers in your file. You are told by SMS at each step. If the date passes without an answer, you can escalate it from this page.", "L'organisme lit votre demande et répond dans votre dossier. Vous êtes prévenu par SMS à chaque étape. Si la date passe sans réponse, vous pourrez relancer depuis cette page.", "يطّلع الهيكل على مطلبك ويجيب في ملفك. تصلك رسالة قصيرة في كل مرحلة. إذا مرّ الأجل دون إجابة يمكنك التصعيد من هذه الصفحة.")),
  ("status.received", ("Received", "Reçue", "وصلت")),
  ("status.inProgress", ("Being handled", "En cours de traitement", "بصدد المعالجة")),
  ("status.waitingForCitizen", ("Waiting for you", "En attente de votre réponse", "في انتظار ردّك")),
  ("status.escalated", ("Escalated", "Relancée", "تم التصعيد")),
  ("status.resolved", ("Resolved", "Résolue", "تمت المعالجة")),
  ("status.rejected", ("Not upheld", "Non fondée", "غير مؤسسة")),
  ("status.forwarded", ("Forwarded to e-people", "Transmise à e-people", "أحيلت إلى منظومة e-people")),
  ("status.withdrawn", ("Withdrawn", "Retirée", "تم سحبها")),
  ("status.underReview", ("Under review", "À l'étude", "قيد الدراسة")),
  ("status.adopted", ("Adopted", "Retenue", "تم اعتماده")),
  ("status.answered", ("Answered", "Répondue", "تمت الإجابة")),
  ("status.acknowledged", ("Seen by the municipality", "Vue par la commune", "اطّلعت عليه البلدية")),
  ("status.scheduled", ("Work scheduled", "Intervention programmée", "تمت برمجة التدخل")),
  ("status.duplicate", ("Already reported", "Déjà signalé", "سبق الإبلاغ عنه")),
  ("status.refused", ("Refused", "Refusée", "مرفوض")),
  ("status.appealed", ("Appeal to the head of the body", "Recours auprès du chef de l'organisme", "تظلّم لدى رئيس الهيكل")),
  ("status.appealGranted", ("Appeal granted", "Recours accepté", "قُبل التظلّم")),
  ("status.appealRefused", ("Appeal refused", "Recours rejeté", "رُفض التظلّم")),
  ("actions.startWork", ("Start handling", "Commencer le traitement", "بدء المعالجة")),
  ("actions.askCitizen", ("Ask the citizen for more", "Demander un complément au citoyen", "طلب معطيات إضافية من المواطن")),
  ("actions.answerQuestion", ("Continue handling", "Reprendre le traitement", "مواصلة المعالجة")),
  ("actions.resolve", ("Mark resolved", "Marquer résolue", "اعتبارها معالجة")),
  ("actions.reject", ("Not upheld (give the reason)", "Non fondée (motif)", "غير مؤسسة (مع التعليل)")),
  ("actions.forwardToEpeople", ("Forwarded to e-people", "Transmise à e-people", "إحالة إلى e-people")),
  ("actions.escalate", ("Escalate: the deadline has passed", "Relancer : le délai est dépassé", "تصعيد: انقضى الأجل")),
  ("actions.reopen", ("Reopen: the problem is back", "Rouvrir : le problème est revenu", "إعادة الفتح: عاد المشكل")),
  ("actions.withdraw", ("Withdraw", "Retirer", "سحب")),
  ("actions.startReview", ("Start the review", "Commencer l'étude", "بدء الدراسة")),
  ("actions.adopt", ("Adopt the suggestion", "Retenir la suggestion", "اعتماد المقترح")),
  ("actions.answer", ("Answer", "Répondre", "الإجابة")),
  ("actions.acknowledge", ("Acknowledge", "Accuser réception", "الإعلام بالاطلاع")),
  ("actions.schedule", ("Schedule the work", "Programmer l'intervention", "برمجة التدخل")),
  ("actions.markDuplicate", ("Already reported (give the reference)", "Déjà signalé (référence)", "سبق الإبلاغ عنه (المرجع)")),
  ("actions.accept", ("Accept the request", "Accepter la demande", "قبول المطلب")),
  ("actions.refuse", ("Refuse (give the reason)", "Refuser (motif)", "الرفض (مع التعليل)")),
  ("actions.appeal", ("Appeal to the head of the body", "Recours auprès du chef de l'organisme", "التظلّم لدى رئيس الهيكل")),
  ("actions.grantAppeal", ("Grant the appeal", "Accepter le recours", "قبول التظلّم")),
  ("actions.refuseAppeal", ("Refuse the appeal", "Rejeter le recours", "رفض التظلّم")),
  ("errors.notResolved", ("Only a resolved request can be reopened.", "Seule une demande résolue peut être rouverte.", "لا يمكن إعادة فتح إلا مطلب تمت معالجته.")),
  ("errors.reopenTooLate", ("More than 30 days have passed since it was resolved: send a new request.", "Plus de 30 jours se sont écoulés depuis la résolution : envoyez une nouvelle demande.", "مرّ أكثر من 30 يوماً على المعالجة: أرسل مطلباً جديداً.")),
  ("errors.notOverdue", ("You can escalate once the deadline has passed.", "Vous pourrez relancer une fois le délai dépassé.", "يمكنك التصعيد بعد انقضاء الأجل.")),
  ("errors.alreadyEscalated", ("This request has already been escalated.", "Cette demande a déjà été relancée.", "سبق تصعيد هذا المطلب.")),
  ("errors.epeopleReference", ("Enter the e-people reference as the portal gives it.", "Saisissez la référence e-people telle que le portail la donne.", "أدخل مرجع e-people كما تسنده المنظومة.")),
  ("after.heading", ("What you can do now", "Ce que vous pouvez faire", "ما يمكنك فعله الآن")),
  ("after.messageLabel", ("Tell the body why", "Expliquez pourquoi à l'organisme", "اشرح للهيكل السبب")),
  ("after.rateHeading", ("Rate the answer", "Notez la réponse", "قيّم الإجابة")),
  ("after.stars", ("How satisfied are you with the answer?", "Êtes-vous satisfait de la réponse ?", "ما مدى رضاك عن الإجابة؟")),
  ("after.starsOption", ("{stars, plural, one {# star} other {# stars}}", "{stars, plural, one {# étoile} other {# étoiles}}", "{stars, plural, zero {# نجمة} one {نجمة واحدة} two {نجمتان} few {# نجوم} many {# نجمة} other {# نجمة}}")),
  ("after.comment", ("Comment (optional)", "Commentaire (facultatif)", "تعليق (اختياري)")),
  ("after.rate", ("Send my rating", "Envoyer ma note", "إرسال التقييم")),
  ("after.rated", ("Thank you: your rating helps improve the service.", "Merci : votre note aide à améliorer le service.", "شكراً: تقييمك يساعد على تحسين الخدمة.")),
  ("clock.left", ("{days, plural, one {# day left} other {# days left}}", "{days, plural, one {# jour restant} other {# jours restants}}", "{days, plural, zero {لم يبق أي يوم} one {بقي يوم واحد} two {بقي يومان} few {بقيت # أيام} many {بقي # يوماً} other {بقي # يوم}}")),
  ("clock.hoursLeft", ("{hours, plural, one {# hour left} other {# hours left}}", "{hours, plural, one {# heure restante} other {# heures restantes}}", "{hours, plural, zero {لم تبق أي ساعة} one {بقيت ساعة واحدة} two {بقيت ساعتان} few {بقيت # ساعات} many {بقيت # ساعة} other {بقيت # ساعة}}")),
  ("clock.overdue", ("The deadline has passed", "Le délai est dépassé", "انقضى الأجل")),
])

# ── Complaint ──
group("Complaint", [
  ("kindName", ("Complaint", "Réclamation", "شكوى")),
  ("title", ("Make a complaint", "Faire une réclamation", "تقديم شكوى")),
  ("bodyQuestion", ("Which body is your complaint about?", "Quel organisme votre réclamation concerne-t-elle ?", "بأي هيكل تتعلق شكواك؟")),
  ("bodyHint", ("Choose the body that provides the service. For a problem in the street, report it to the municipality instead.", "Choisissez l'organisme qui fournit le service. Pour un problème dans la rue, faites plutôt un signalement à la commune.", "اختر الهيكل الذي يقدّم الخدمة. لمشكل في الطريق، أبلغ البلدية عوضاً عن ذلك.")),
  ("categoryQuestion", ("What is it about?", "De quoi s'agit-il ?", "ما موضوع الشكوى؟")),
  ("fromService", ("About the service: {service}", "Concernant le service : {service}", "بخصوص الخدمة: {service}")),
  ("documentNotListed", ("You were asked for a document that is not on the list of required documents.", "On vous a demandé un document qui ne figure pas dans la liste des pièces à fournir.", "طُلبت منك وثيقة غير مذكورة في قائمة الوثائق المطلوبة.")),
  ("fields.bodyId", ("Body", "Organisme", "الهيكل")),
  ("fields.category", ("Subject", "Objet", "الموضوع")),
  ("fields.serviceSlug", ("Service", "Prestation", "الخدمة")),
  ("fields.documentAskedFor", ("Which document were you asked for?", "Quel document vous a-t-on demandé ?", "ما الوثيقة التي طُلبت منك؟")),
  ("fields.description", ("Describe what happened", "Décrivez ce qui s'est passé", "صف ما حدث")),
  ("fields.hideName", ("Name kept out of anything public", "Nom non affiché publiquement", "الاسم غير منشور")),
  ("descriptionHint", ("Where, when, who you dealt with. Do not give card numbers or secret codes.", "Où, quand, avec qui. Ne donnez ni numéro de carte ni code secret.", "أين ومتى ومع من. لا تذكر أرقام البطاقات ولا الرموز السرية.")),
  ("submit", ("Send the complaint", "Envoyer la réclamation", "إرسال الشكوى")),
  ("errors.bodyRequired", ("Choose the body your complaint is about.", "Choisissez l'organisme concerné.", "اختر الهيكل المعني بالشكوى.")),
  ("errors.categoryRequired", ("Choose what your complaint is about.", "Choisissez l'objet de votre réclamation.", "اختر موضوع الشكوى.")),
  ("errors.descriptionRequired", ("Describe what happened.", "Décrivez ce qui s'est passé.", "صف ما حدث.")),
  ("errors.descriptionTooShort", ("Your description must be at least 10 characters.", "Votre description doit faire au moins 10 caractères.", "يجب أن يتضمن الوصف 10 أحرف على الأقل.")),
  ("errors.descriptionTooLong", ("Your description must be 5,000 characters or fewer.", "Votre description doit faire 5 000 caractères au plus.", "يجب ألا يتجاوز الوصف 5000 حرف.")),
  ("errors.documentTooLong", ("The document's name must be 200 characters or fewer.", "Le nom du document doit faire 200 caractères au plus.", "يجب ألا يتجاوز اسم الوثيقة 200 حرف.")),
])
group("Suggestion", [
  ("kindName", ("Suggestion", "Suggestion", "مقترح")),
  ("title", ("Make a suggestion", "Faire une suggestion", "تقديم مقترح")),
  ("fields.bodyId", ("Body", "Organisme", "الهيكل")),
  ("fields.serviceSlug", ("Service", "Prestation", "الخدمة")),
  ("fields.description", ("Your suggestion", "Votre suggestion", "مقترحك")),
  ("submit", ("Send the suggestion", "Envoyer la suggestion", "إرسال المقترح")),
  ("hint", ("What could be better, and how. The body answers within {days} days.", "Ce qui pourrait être mieux, et comment. L'organisme répond sous {days} jours.", "ما الذي يمكن تحسينه وكيف. يجيب الهيكل في أجل {days} يوماً.")),
  ("errors.bodyRequired", ("Choose the body your suggestion is for.", "Choisissez l'organisme concerné.", "اختر الهيكل المعني بالمقترح.")),
  ("errors.descriptionRequired", ("Write your suggestion.", "Écrivez votre suggestion.", "اكتب مقترحك.")),
  ("errors.descriptionTooShort", ("Your suggestion must be at least 10 characters.", "Votre suggestion doit faire au moins 10 caractères.", "يجب أن يتضمن المقترح 10 أحرف على الأقل.")),
  ("errors.descriptionTooLong", ("Your suggestion must be 5,000 characters or fewer.", "Votre suggestion doit faire 5 000 caractères au plus.", "يجب ألا يتجاوز المقترح 5000 حرف.")),
])
group("MunicipalReport", [
  ("kindName", ("Problem reported to the municipality", "Signalement à la commune", "إبلاغ البلدية عن مشكل")),
  ("title", ("Report a problem in the street", "Signaler un problème dans la rue", "الإبلاغ عن مشكل في الطريق")),
  ("fields.category", ("Problem", "Problème", "المشكل")),
  ("fields.delegation", ("Delegation", "Délégation", "المعتمدية")),
  ("fields.location", ("Place", "Lieu", "المكان")),
  ("fields.description", ("Description", "Description", "الوصف")),
  ("errors.categoryRequired", ("Choose the kind of problem.", "Choisissez le type de problème.", "اختر نوع المشكل.")),
  ("errors.governorateRequired", ("Choose the governorate.", "Choisissez le gouvernorat.", "اختر الولاية.")),
  ("errors.delegationRequired", ("Choose the delegation.", "Choisissez la délégation.", "اختر المعتمدية.")),
  ("errors.locationModeRequired", ("Choose how to say where the problem is.", "Choisissez comment indiquer le lieu.", "اختر طريقة تحديد المكان.")),
  ("errors.locationRequired", ("We could not get the position: describe the place instead.", "Position introuvable : décrivez plutôt le lieu.", "تعذّر تحديد الموقع: صف المكان عوضاً عن ذلك.")),
  ("errors.locationOutside", ("This position is not in Tunisia.", "Cette position n'est pas en Tunisie.", "هذا الموقع ليس في تونس.")),
  ("errors.placeRequired", ("Describe the place: a street, a landmark.", "Décrivez le lieu : une rue, un repère.", "صف المكان: نهج أو معلم.")),
  ("errors.placeTooLong", ("The place must be 300 characters or fewer.", "Le lieu doit faire 300 caractères au plus.", "يجب ألا يتجاوز وصف المكان 300 حرف.")),
  ("errors.descriptionRequired", ("Describe the problem.", "Décrivez le problème.", "صف المشكل.")),
  ("errors.descriptionTooShort", ("The description must be at least 10 characters.", "La description doit faire au moins 10 caractères.", "يجب أن يتضمن الوصف 10 أحرف على الأقل.")),
  ("errors.descriptionTooLong", ("The description must be 5,000 characters or fewer.", "La description doit faire 5 000 caractères au plus.", "يجب ألا يتجاوز الوصف 5000 حرف.")),
])
group("InfoRequest", [
  ("kindName", ("Request for access to information", "Demande d'accès à l'information", "مطلب النفاذ إلى المعلومة")),
  ("title", ("Ask for information (law 2016-22)", "Demander une information (loi 2016-22)", "طلب النفاذ إلى المعلومة (القانون 2016-22)")),
  ("lead", ("Any person or company may ask a public body for information it holds, without giving a reason. The body answers within 20 days (10 days to consult on site, 48 hours when a life or liberty is at stake). It is free, or at the actual cost announced in advance.", "Toute personne ou société peut demander à un organisme public une information qu'il détient, sans donner de motif. L'organisme répond sous 20 jours (10 jours pour une consultation sur place, 48 heures si une vie ou une liberté est en jeu). C'est gratuit, ou au coût réel annoncé à l'avance.", "لكل شخص طبيعي أو معنوي أن يطلب من هيكل عمومي معلومة لديه دون ذكر السبب. يجيب الهيكل في أجل 20 يوماً (10 أيام للاطلاع على عين المكان، و48 ساعة إذا تعلق الأمر بحياة شخص أو حريته). النفاذ مجاني أو بالكلفة الحقيقية المعلنة مسبقاً.")),
  ("fields.requesterType", ("You are asking as", "Vous demandez en tant que", "تطلب بصفتك")),
  ("fields.name", ("Name", "Nom", "الاسم")),
  ("fields.address", ("Address", "Adresse", "العنوان")),
  ("fields.bodyId", ("Body", "Organisme", "الهيكل")),
  ("fields.information", ("The information you are asking for", "L'information demandée", "المعلومة المطلوبة")),
  ("fields.accessForm", ("How do you want to access it?", "Sous quelle forme voulez-vous y accéder ?", "كيف تريد النفاذ إليها؟")),
  ("fields.lifeOrLiberty", ("A person's life or liberty depends on it", "La vie ou la liberté d'une personne en dépend", "تتوقف عليها حياة شخص أو حريته")),
  ("requester.person", ("A person (your full name and address)", "Une personne (nom complet et adresse)", "شخص طبيعي (الاسم الكامل والعنوان)")),
  ("requester.company", ("A company or association (its name and seat)", "Une société ou association (nom et siège)", "شخص معنوي (التسمية والمقر)")),
  ("addressHint", ("For a company: its registered seat.", "Pour une société : son siège social.", "بالنسبة للشخص المعنوي: مقره الاجتماعي.")),
  ("informationHint", ("Be as precise as you can: the document, the period, the subject. You do not have to say why.", "Soyez aussi précis que possible : le document, la période, le sujet. Vous n'avez pas à dire pourquoi.", "كن دقيقاً قدر الإمكان: الوثيقة، الفترة، الموضوع. لست ملزماً بذكر السبب.")),
  ("lifeOrLibertyHint", ("The body must then answer within 48 hours.", "L'organisme doit alors répondre sous 48 heures.", "يجب عندها على الهيكل الإجابة في أجل 48 ساعة.")),
  ("access.consultation", ("Consult it on site", "Consultation sur place", "الاطلاع على عين المكان")),
  ("access.paper-copy", ("A paper copy", "Une copie papier", "نسخة ورقية")),
  ("access.electronic-copy", ("An electronic copy", "Une copie électronique", "نسخة إلكترونية")),
  ("access.extracts", ("Extracts", "Des extraits", "مقتطفات")),
  ("submit", ("Send the request", "Envoyer la demande", "إرسال المطلب")),
  ("clockHeading", ("The legal deadline", "Le délai légal", "الأجل القانوني")),
  ("dueAt", ("The body must answer by {date}.", "L'organisme doit répondre au plus tard le {date}.", "على الهيكل الإجابة في أجل أقصاه {date}.")),
  ("silence", ("The deadline passed without an answer: by law, this silence is a refusal. You can appeal to the head of the body until {date}.", "Le délai est passé sans réponse : selon la loi, ce silence vaut refus. Vous pouvez faire un recours auprès du chef de l'organisme jusqu'au {date}.", "انقضى الأجل دون إجابة: يُعتبر هذا السكوت رفضاً بحكم القانون. يمكنك التظلّم لدى رئيس الهيكل إلى غاية {date}.")),
  ("errors.requesterTypeRequired", ("Say whether you ask as a person or a company.", "Indiquez si vous demandez en tant que personne ou société.", "حدّد إن كنت تطلب بصفة شخص طبيعي أو معنوي.")),
  ("errors.nameRequired", ("Enter the name.", "Saisissez le nom.", "أدخل الاسم.")),
  ("errors.nameTooShort", ("The name must be at least 2 characters.", "Le nom doit faire au moins 2 caractères.", "يجب أن يتضمن الاسم حرفين على الأقل.")),
  ("errors.nameTooLong", ("The name must be 200 characters or fewer.", "Le nom doit faire 200 caractères au plus.", "يجب ألا يتجاوز الاسم 200 حرف.")),
  ("errors.addressRequired", ("Enter the address (or the seat).", "Saisissez l'adresse (ou le siège).", "أدخل العنوان (أو المقر).")),
  ("errors.addressTooShort", ("The address must be at least 5 characters.", "L'adresse doit faire au moins 5 caractères.", "يجب أن يتضمن العنوان 5 أحرف على الأقل.")),
  ("errors.addressTooLong", ("The address must be 300 characters or fewer.", "L'adresse doit faire 300 caractères au plus.", "يجب ألا يتجاوز العنوان 300 حرف.")),
  ("errors.bodyRequired", ("Choose the body.", "Choisissez l'organisme.", "اختر الهيكل.")),
  ("errors.informationRequired", ("Say what information you are asking for.", "Indiquez l'information demandée.", "حدّد المعلومة المطلوبة.")),
  ("errors.informationTooShort", ("Describe the information in at least 10 characters.", "Décrivez l'information en au moins 10 caractères.", "صف المعلومة في 10 أحرف على الأقل.")),
  ("errors.informationTooLong", ("The description must be 5,000 characters or fewer.", "La description doit faire 5 000 caractères au plus.", "يجب ألا يتجاوز الوصف 5000 حرف.")),
  ("errors.accessFormRequired", ("Choose how you want to access the information.", "Choisissez la forme d'accès.", "اختر طريقة النفاذ.")),
  ("errors.appealNotOpen", ("An appeal is possible after a decision or once the deadline has passed, for 20 days.", "Un recours est possible après une décision ou le délai dépassé, pendant 20 jours.", "يمكن التظلّم بعد صدور قرار أو انقضاء الأجل، في أجل 20 يوماً.")),
  ("errors.refusalReasonRequired", ("Choose the reason for the refusal.", "Choisissez le motif du refus.", "اختر سبب الرفض.")),
  ("refusal.notHeld", ("The body does not hold this information", "L'organisme ne détient pas cette information", "الهيكل لا يملك هذه المعلومة")),
  ("refusal.exception-security", ("Exception: national security or defence", "Exception : sécurité ou défense nationale", "استثناء: الأمن أو الدفاع الوطني")),
  ("refusal.exception-privacy", ("Exception: protection of private life and personal data", "Exception : vie privée et données personnelles", "استثناء: حماية الحياة الخاصة والمعطيات الشخصية")),
  ("refusal.exception-third-party", ("Exception: rights of third parties (intellectual property, trade secrets)", "Exception : droits des tiers (propriété intellectuelle, secret commercial)", "استثناء: حقوق الغير (الملكية الفكرية، السر التجاري)")),
  ("refusal.exception-investigation", ("Exception: investigation or proceedings under way", "Exception : enquête ou procédure en cours", "استثناء: بحث أو إجراءات جارية")),
  ("refusal.alreadyPublished", ("Already published: the answer says where", "Déjà publiée : la réponse indique où", "سبق نشرها: تبيّن الإجابة أين")),
  ("refusal.unclear", ("The request is not precise enough", "La demande n'est pas assez précise", "المطلب غير دقيق بما يكفي")),
  ("errors.redirectTooLate", ("The 5 days to redirect the request have passed: answer it.", "Les 5 jours pour transmettre la demande sont passés : répondez-y.", "انقضت الأيام الخمسة للإحالة: يجب الإجابة عن المطلب.")),
  ("errors.extensionNotAllowed", ("The extension is possible once, before the deadline, and not for a 48-hour request.", "La prorogation est possible une fois, avant l'échéance, et pas pour une demande en 48 heures.", "التمديد ممكن مرة واحدة قبل انقضاء الأجل، ولا يشمل مطالب الـ48 ساعة.")),
])
group("Appeal", [
  ("heading", ("Appeal to the head of the body", "Recours auprès du chef de l'organisme", "التظلّم لدى رئيس الهيكل")),
  ("draftLabel", ("Your appeal (ready to send; you may change it)", "Votre recours (prêt à envoyer ; vous pouvez le modifier)", "تظلّمك (جاهز للإرسال؛ يمكنك تعديله)")),
  ("draft", ("To the head of {body}. On {submitted} I asked, under organic law 2016-22, for: {information}. Reference {reference}. {outcome} I ask you to review this decision and to give me access to the information, as the law provides (answer within 10 days).", "À l'attention du chef de {body}. Le {submitted}, j'ai demandé, en vertu de la loi organique 2016-22 : {information}. Référence {reference}. {outcome} Je vous prie de réexaminer cette décision et de me donner accès à l'information, comme la loi le prévoit (réponse sous 10 jours).", "إلى السيد رئيس {body}. بتاريخ {submitted} تقدمت، طبقاً للقانون الأساسي 2016-22، بطلب النفاذ إلى: {information}. المرجع {reference}. {outcome} أرجو مراجعة هذا القرار وتمكيني من النفاذ إلى المعلومة كما ينص عليه القانون (الإجابة في أجل 10 أيام).")),
  ("outcomeSilence", ("I received no answer within the legal deadline, which the law treats as a refusal.", "Je n'ai reçu aucune réponse dans le délai légal, ce que la loi assimile à un refus.", "لم أتلقّ أي إجابة في الأجل القانوني، وهو ما يعتبره القانون رفضاً.")),
  ("outcomeDecision", ("I do not agree with the answer I received.", "Je ne suis pas d'accord avec la réponse reçue.", "لا أوافق على الإجابة التي تلقيتها.")),
  ("until", ("You can send it until {date}.", "Vous pouvez l'envoyer jusqu'au {date}.", "يمكنك إرساله إلى غاية {date}.")),
  ("send", ("Send the appeal", "Envoyer le recours", "إرسال التظلّم")),
  ("inaiHeading", ("Then: INAI", "Ensuite : l'INAI", "بعد ذلك: هيئة النفاذ إلى المعلومة")),
  ("inai", ("If the head of the body refuses or does not answer within 10 days, you can take the matter to INAI (هيئة النفاذ إلى المعلومة), by {date}: inai.tn.", "Si le chef de l'organisme refuse ou ne répond pas sous 10 jours, vous pouvez saisir l'INAI, au plus tard le {date} : inai.tn.", "إذا رفض رئيس الهيكل أو لم يُجب في أجل 10 أيام، يمكنك رفع الأمر إلى هيئة النفاذ إلى المعلومة في أجل أقصاه {date}: inai.tn.")),
  ("inaiLater", ("If the head of the body refuses or does not answer within 10 days, you can take the matter to INAI (inai.tn) within 20 days.", "Si le chef de l'organisme refuse ou ne répond pas sous 10 jours, vous pourrez saisir l'INAI (inai.tn) dans les 20 jours.", "إذا رفض رئيس الهيكل أو لم يُجب في أجل 10 أيام، يمكنك رفع الأمر إلى هيئة النفاذ إلى المعلومة (inai.tn) في أجل 20 يوماً.")),
])
group("Uploads", [
  ("label", ("Photos or documents (optional)", "Photos ou documents (facultatif)", "صور أو وثائق (اختياري)")),
  ("limits", ("Up to {max} files: photos (JPEG, PNG, WebP) up to 10 MB, PDF up to 5 MB. Photos are made smaller on your phone before sending, and their hidden data (camera, place) is removed.", "Jusqu'à {max} fichiers : photos (JPEG, PNG, WebP) jusqu'à 10 Mo, PDF jusqu'à 5 Mo. Les photos sont réduites sur votre téléphone avant l'envoi et leurs données cachées (appareil, lieu) sont supprimées.", "إلى حدود {max} ملفات: صور (JPEG وPNG وWebP) حتى 10 ميغابايت، وPDF حتى 5 ميغابايت. تُصغَّر الصور على هاتفك قبل الإرسال وتُحذف معطياتها المخفية (الجهاز، المكان).")),
  ("preparing", ("Preparing the photo…", "Préparation de la photo…", "جارٍ تحضير الصورة…")),
  ("ready", ("Photo ready to send.", "Photo prête à envoyer.", "الصورة جاهزة للإرسال.")),
  ("errors.empty", ("The file is empty.", "Le fichier est vide.", "الملف فارغ.")),
  ("errors.tooLarge", ("The file is too large (at most {maxMb} MB).", "Le fichier est trop volumineux ({maxMb} Mo au plus).", "الملف كبير جداً ({maxMb} ميغابايت على الأكثر).")),
  ("errors.typeNotAllowed", ("Send a photo (JPEG, PNG, WebP) or a PDF.", "Envoyez une photo (JPEG, PNG, WebP) ou un PDF.", "أرسل صورة (JPEG أو PNG أو WebP) أو ملف PDF.")),
  ("errors.tooManyPixels", ("The picture is too large to open (over 40 million pixels).", "L'image est trop grande pour être ouverte (plus de 40 millions de pixels).", "الصورة كبيرة جداً (أكثر من 40 مليون بكسل).")),
  ("errors.damaged", ("The file is damaged or incomplete: send it again.", "Le fichier est endommagé ou incomplet : renvoyez-le.", "الملف تالف أو غير مكتمل: أعد إرساله.")),
  ("errors.activeContent", ("This file contains something other than a picture or a document; it cannot be accepted.", "Ce fichier contient autre chose qu'une image ou un document ; il ne peut pas être accepté.", "يحتوي هذا الملف على شيء غير الصورة أو الوثيقة؛ لا يمكن قبوله.")),
  ("errors.tooMany", ("You can attach at most {max} files.", "Vous pouvez joindre {max} fichiers au plus.", "يمكنك إرفاق {max} ملفات على الأكثر.")),
])

group("PublicReports", [
  ("title", ("Problems reported to the municipality", "Problèmes signalés à la commune", "المشاكل المبلّغ عنها للبلدية")),
  ("lead", ("What citizens reported and what the municipality did. No names are shown; descriptions and photos appear once checked.", "Ce que les citoyens ont signalé et ce que la commune a fait. Aucun nom n'est affiché ; descriptions et photos apparaissent après vérification.", "ما أبلغ عنه المواطنون وما قامت به البلدية. لا تُنشر الأسماء، وتظهر الأوصاف والصور بعد التثبت منها.")),
  ("filter", ("Filter the list", "Filtrer la liste", "تصفية القائمة")),
  ("delegation", ("Delegation", "Délégation", "المعتمدية")),
  ("allDelegations", ("All delegations", "Toutes les délégations", "كل المعتمديات")),
  ("status", ("Status", "État", "الحالة")),
  ("allStatuses", ("All", "Tous", "الكل")),
  ("open", ("Being dealt with", "En cours", "بصدد المعالجة")),
  ("closed", ("Closed", "Clôturés", "مغلقة")),
  ("apply", ("Show", "Afficher", "عرض")),
  ("count", ("{count, plural, =0 {No report} one {# report} other {# reports}}", "{count, plural, =0 {Aucun signalement} one {# signalement} other {# signalements}}", "{count, plural, zero {لا يوجد أي إبلاغ} one {إبلاغ واحد} two {إبلاغان} few {# إبلاغات} many {# إبلاغاً} other {# إبلاغ}}")),
  ("none", ("Nothing has been reported here yet.", "Rien n'a encore été signalé ici.", "لم يُبلَّغ عن أي شيء هنا بعد.")),
  ("where", ("Delegation: {delegation}", "Délégation : {delegation}", "المعتمدية: {delegation}")),
  ("dates", ("Reported {submitted}, updated {updated}", "Signalé le {submitted}, mis à jour le {updated}", "أُبلغ عنه في {submitted}، وحُيّن في {updated}")),
  ("affected", ("{count, plural, one {# person affected} other {# people affected}}", "{count, plural, one {# personne concernée} other {# personnes concernées}}", "{count, plural, zero {لا أحد معني} one {شخص واحد معني} two {شخصان معنيان} few {# أشخاص معنيون} many {# شخصاً معنياً} other {# شخص معني}}")),
  ("photoAlt", ("Photo of the reported problem: {category}", "Photo du problème signalé : {category}", "صورة المشكل المبلّغ عنه: {category}")),
  ("pages", ("Pages", "Pages", "الصفحات")),
  ("previous", ("Previous", "Précédente", "السابقة")),
  ("next", ("Next", "Suivante", "التالية")),
  ("pageOf", ("Page {page} of {total}", "Page {page} sur {total}", "الصفحة {page} من {total}")),
  ("errors.reasonRequired", ("Give the reason.", "Indiquez le motif.", "اذكر السبب.")),
])

group("StaffRequests", [
  ("heading", ("Decisions on this request", "Décisions sur cette demande", "قرارات بشأن هذا المطلب")),
  ("messageLabel", ("Message to the citizen", "Message au citoyen", "رسالة إلى المواطن")),
  ("messageHint", ("Required: the citizen reads it in the timeline.", "Obligatoire : le citoyen le lit dans l'historique.", "إجباري: يقرؤها المواطن في مسار المطلب.")),
  ("lawDates", ("Law 2016-22: answer due by {due}; redirection possible until {redirect}.", "Loi 2016-22 : réponse due au plus tard le {due} ; transmission possible jusqu'au {redirect}.", "القانون 2016-22: الإجابة في أجل أقصاه {due}؛ الإحالة ممكنة إلى غاية {redirect}.")),
  ("reason", ("Reason for the refusal", "Motif du refus", "سبب الرفض")),
  ("epeopleReference", ("e-people reference", "Référence e-people", "مرجع e-people")),
  ("epeopleHint", ("As the e-people portal gives it; the citizen sees it.", "Telle que le portail e-people la donne ; le citoyen la voit.", "كما تسنده منظومة e-people؛ يراه المواطن.")),
  ("redirectTo", ("Send to the body that holds it", "Transmettre à l'organisme compétent", "الإحالة إلى الهيكل المختص")),
  ("redirect", ("Not competent: redirect", "Non compétent : transmettre", "غير مختص: الإحالة")),
  ("extend", ("Extend by 10 days (multiple requests)", "Proroger de 10 jours (demandes multiples)", "التمديد بـ10 أيام (مطالب متعددة)")),
  ("approved", ("Its description and photos are public.", "Sa description et ses photos sont publiques.", "وصفه وصوره منشورة للعموم.")),
  ("notApproved", ("Only its category, delegation and status are public.", "Seuls sa catégorie, sa délégation et son état sont publics.", "لا يُنشر منه إلا صنفه ومعتمديته وحالته.")),
  ("hidden", ("Hidden from the public list: {reason}", "Masqué de la liste publique : {reason}", "محجوب عن القائمة العامة: {reason}")),
  ("approve", ("Publish its description and photos", "Publier sa description et ses photos", "نشر وصفه وصوره")),
  ("hideReason", ("Why hide it", "Pourquoi le masquer", "سبب الحجب")),
  ("abusive", ("Mark as abusive", "Marquer comme abusif", "اعتباره مسيئاً")),
  ("hide", ("Hide from the public list", "Masquer de la liste publique", "حجبه عن القائمة العامة")),
  ("restore", ("Show it again", "Le réafficher", "إعادة إظهاره")),
])

def setpath(tree, path, value):
    parts = path.split(".")
    for p in parts[:-1]:
        tree = tree.setdefault(p, collections.OrderedDict())
    tree[parts[-1]] = value

def reorder(like, data):
    if not isinstance(like, dict):
        return data
    out = collections.OrderedDict()
    for k in like:
        if k in data:
            out[k] = reorder(like[k], data[k])
    for k in data:
        if k not in out:
            out[k] = data[k]
    return out

trees = {}
for name, idx in {"en": 0, "fr": 1, "ar": 2}.items():
    data = load(f"messages/{name}.json")
    for path, vals in M.items():
        setpath(data, path, vals[idx])
    trees[name] = data
for name in ["fr", "ar"]:
    trees[name] = reorder(trees["en"], trees[name])
for name, data in trees.items():
    p = f"messages/{name}.json"
    json.dump(data, open(p, "w"), ensure_ascii=False, indent=2)
    open(p, "a").write("\n")
print(len(M), "messages")
