/// <reference types="vite/client" />

// Defined by @medusajs/admin-bundler when the app builds the admin (see its `define` block)
declare const __BACKEND_URL__: string | undefined
declare const __AUTH_TYPE__: "session" | "jwt" | undefined
declare const __JWT_TOKEN_STORAGE_KEY__: string | undefined
