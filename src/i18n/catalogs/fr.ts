import type { Catalog } from "./en"

/** Français (vouvoiement, l’usage des boutiques en ligne). */
export const fr: Catalog = {
  "email.footer.questions": "Des questions ? Nous sommes là pour vous aider : ",
  "email.footer.helpCentre": "Centre d’aide",
  "email.footer.newsletter": "Soyez les premiers informés des nouveautés : ",
  "email.footer.newsletterLink": "abonnez-vous à notre newsletter",
  "email.footer.unsubscribe": "Se désabonner de ces e-mails",
  "email.items.quantity": "Quantité : {quantity}",
  "email.items.quantityEach": "Quantité : {quantity} · {unitPrice} l’unité",
  "email.totals.subtotal": "Sous-total",
  "email.totals.shipping": "Livraison",
  "email.totals.free": "Gratuite",
  "email.totals.discount": "Remise",
  "email.totals.tax": "TVA",
  "email.totals.total": "Total",
  "email.address.shippingTo": "Adresse de livraison",
  "email.returnsPolicy.heading": "Retours",
  "email.returnsPolicy.window":
    "{days, plural, =0 {Les articles ne peuvent pas être retournés après la livraison.} one {Vous pouvez retourner les articles dans un délai de # jour après la livraison.} other {Vous pouvez retourner les articles dans un délai de # jours après la livraison.}}",
  "email.returnsPolicy.free": "Les retours sont gratuits.",
  "email.returnsPolicy.fee": "Les frais de retour s’élèvent à {fee}.",
  "email.returnsPolicy.methods":
    "{methods, select, mail {Renvoyez-les par la poste.} in_store {Rapportez-les dans notre boutique.} other {Renvoyez-les par la poste ou rapportez-les dans notre boutique.}}",
  "email.returnsPolicy.refund": "Vous recevez {how} dans un délai de {days, plural, one {# jour} other {# jours}} après réception des articles.",
  "email.returnsPolicy.refund.original_payment": "un remboursement sur votre moyen de paiement d’origine",
  "email.returnsPolicy.refund.store_credit": "un avoir dans notre boutique",
  "email.returnsPolicy.refund.exchange": "un échange",
  "email.returnsPolicy.conditions": "Conditions :",
  "email.returnsPolicy.notReturnable": "Non retournables : {items}.",
  "email.returnsPolicy.readMore": "Lire la politique de retour complète",

  "confirmation.subject": "Votre commande n° {orderNumber} chez {shopName} est confirmée",
  "confirmation.preview": "La commande n° {orderNumber} est confirmée",
  "confirmation.heading": "Merci pour votre commande{hasName, select, yes {, {name}} other {}} !",
  "confirmation.intro": "Nous avons bien reçu votre commande et la préparons. Voici un récapitulatif à conserver.",
  "confirmation.orderNumber": "Numéro de commande",
  "confirmation.orderDate": "Date de commande",
  "confirmation.button": "Visiter la boutique",

  "thankYou.subject": "Merci{hasName, select, yes {, {name}} other {}}, de la part de toute l’équipe {shopName}",
  "thankYou.preview": "Un merci personnel de {shopName}",
  "thankYou.heading": "Merci{hasName, select, yes {, {name}} other {}} !",
  "thankYou.intro":
    "Toute l’équipe de {shopName} tenait à vous remercier personnellement. Cela compte beaucoup pour nous que vous ayez choisi notre boutique, et nous apportons un soin particulier à chaque commande.",
  "thankYou.purchase": "Nous espérons que votre achat vous plaira : {purchase}.",
  "thankYou.purchaseMore": "{first} et {count, plural, one {# autre article} other {# autres articles}}",
  "thankYou.comeBack": "Il y a toujours du nouveau dans la boutique : passez nous voir quand vous voulez.",
  "thankYou.button": "Découvrir les nouveautés",
  "thankYou.highlights": "Nouveau dans la boutique",
  "thankYou.signOff": "Bien chaleureusement,",
  "thankYou.team": "L’équipe {shopName}",
  "thankYou.about": "À propos de votre commande n° {orderNumber} du {date}.",

  // return window closing (marketing, before the last day to return)
  "windowClosing.subject": "Plus que quelques jours pour retourner des articles de la commande n° {orderNumber}",
  "windowClosing.preview": "Votre commande n° {orderNumber} chez {shopName} : le délai de retour se termine bientôt",
  "windowClosing.heading": "Votre commande vous plaît{hasName, select, yes {, {name}} other {}} ?",
  "windowClosing.intro":
    "Nous espérons que tout ce que vous avez reçu de {shopName} vous convient. Si ce n’est pas le cas, vous avez encore le temps de nous le renvoyer.",
  "windowClosing.deadline": "Vous pouvez retourner des articles de la commande n° {orderNumber} jusqu’au {lastDay}.",
  "windowClosing.items": "{count, plural, one {Cet article peut encore être retourné} other {Ces articles peuvent encore être retournés}}",
  "windowClosing.howTo": "Comment retourner un article",
  "windowClosing.button": "Lire notre politique de retour",
  "windowClosing.keep": "Tout vous convient ? Dans ce cas, vous n’avez rien à faire.",
  "windowClosing.team": "L’équipe {shopName}",

  "page.unsubscribe.title": "Se désabonner",
  "page.unsubscribe.question": "Quels e-mails {shopName} doit-il cesser d’envoyer à {email} ?",
  "page.unsubscribe.onlyFlow": "Seulement les e-mails de type « {flow} »",
  "page.unsubscribe.all": "Tous les e-mails marketing",
  "page.unsubscribe.ordersStill": "Vous recevrez toujours les e-mails concernant vos commandes, comme les confirmations.",
  "page.unsubscribed.title": "Vous êtes désabonné",
  "page.unsubscribed.all": "{shopName} n’enverra plus d’e-mails marketing à {email}.",
  "page.unsubscribed.flow": "{shopName} n’enverra plus d’e-mails de type « {flow} » à {email}.",
  "page.invalidLink.title": "Ce lien ne fonctionne pas",
  "page.invalidLink.body":
    "Le lien est incomplet ou a été modifié. Ouvrez-le à nouveau depuis l’e-mail, ou contactez-nous et nous vous retirerons de la liste.",
  "page.expiredLink.title": "Ce lien a expiré",
  "page.expiredLink.body":
    "Les liens de désabonnement sont valables pendant une durée limitée. Utilisez le lien d’un e-mail plus récent, ou contactez-nous et nous vous retirerons de la liste.",

  "flow.order-confirmation": "confirmation de commande",
  "flow.thank-you": "remerciement",
  "flow.return-window-closing": "rappel de fin du délai de retour",
}
