// Example parameters: copy, change baseName (and the SKU for a trial), then ./scripts/deploy --resource-group RG --params FILE.
using 'main.bicep'

param baseName = 'shukuyaku'
param appServiceSku = 'P0v3'
param botDisplayName = '集約化ボット'
// The secretariat tab's Teams SSO app (docs/tab.md): a managed identity cannot expose an API, so register one and set it.
param tabClientId = ''
