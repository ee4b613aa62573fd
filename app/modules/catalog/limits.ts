/** How many photos one product may have (shared by the form and the module). */
export const maxProductImages = 8
