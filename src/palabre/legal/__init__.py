"""A French publisher's duties: notices (DSA art. 16), statements of reasons (art. 17), appeals
(art. 20), transparency. The moderation modes (loi de 1982, art. 93-3) and the article controls
apply on the posting path, so they live with it (`palabre.comments.modes`, `.controls`)."""
