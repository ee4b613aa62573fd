/** How many evidence files one certificate may carry (shared by the form and the module). */
export const maxEvidenceFiles = 5
