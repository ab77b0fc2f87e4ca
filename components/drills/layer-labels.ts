/** Human names of the timeline layers (shared by server and client components). */
export const LAYER_LABEL: Record<string, string> = {
  control_plane: "Control plane",
  data_plane: "Data plane",
  business: "Business",
};
