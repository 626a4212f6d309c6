// Example parameters: copy, change baseName (and the SKU for a trial), then ./scripts/deploy --resource-group RG --params FILE.
using 'main.bicep'

param baseName = 'shukuyaku'
param appServiceSku = 'P0v3'
param botDisplayName = '集約化ボット'
