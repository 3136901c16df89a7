/**
 * The consent wording a practice starts with (Settings > Intake and consent), covering what the
 * CranioSacral Society code asks for (DOMAIN.md "Intake and consent"): what the therapy is and
 * is not, that it does not replace medical care, how records are kept and for how long, the
 * client's right to see them and to stop at any time.
 */
export const DEFAULT_CONSENT_TEXT = `Craniosacral therapy is a gentle, hands-on therapy. The therapist uses light touch, mostly on the head, spine and pelvis, while you lie or sit fully clothed.

It is not a medical treatment. It does not diagnose illness and it does not replace care from your doctor or other health professionals. Please keep seeing your doctor for any medical problem, and tell your therapist about any change in your health.

Your therapist keeps notes of each session and the health information you give. They are kept securely on the practice's own computer for 8 years after your last visit (for a child, until they turn 25), and then deleted. They are shared with no one without your permission, unless the law requires it.

You may see your records and have a copy of them at any time. You may ask questions, ask for any part of the session to change, or stop the session or the treatment at any time, without giving a reason.

By signing, you agree that you have read and understood this, and that you consent to craniosacral therapy.`;
